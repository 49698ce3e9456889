package io.paasta.cli.deploywait;

import static io.paasta.cli.testing.StatusAnswers.OLD_SHA;
import static io.paasta.cli.testing.StatusAnswers.SHA;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.cli.api.ApiEndpoints;
import io.paasta.cli.api.InstanceTarget;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.cli.testing.StatusAnswers;
import io.paasta.testing.ManualClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/**
 * The deploy waiter against a fake of the cluster API whose answers change from poll to poll, with
 * a fake clock that the waiter's sleeps move on (no real waiting).
 */
class DeploymentWaiterTest {
  private static final InstanceTarget MAIN =
      new InstanceTarget("hello-web", "local", "main", "local.everything");
  private static final InstanceTarget CANARY =
      new InstanceTarget("hello-web", "local", "canary", "local.everything");
  private static final String MAIN_STATUS = "/v1/services/hello-web/main/status";
  private static final String CANARY_STATUS = "/v1/services/hello-web/canary/status";

  /** Stands still until the waiter sleeps. */
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-20T10:00:00Z"));

  private final List<String> shown = Collections.synchronizedList(new ArrayList<>());
  private FakePaastaApi api;

  @BeforeEach
  void start() throws IOException {
    api = new FakePaastaApi("local");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void waitsUntilEveryInstanceRunsTheCommitWithOnlyItsNewApp() {
    api.json(
        MAIN_STATUS,
        StatusAnswers.running("main", OLD_SHA),
        StatusAnswers.deploying("main", SHA, 2, 1, 3),
        StatusAnswers.deploying("main", SHA, 2, 3, 3),
        StatusAnswers.deploying("main", SHA, 1, 3, 3));
    api.json(CANARY_STATUS, StatusAnswers.deploying("canary", SHA, 1, 1, 1));

    WaitResult result =
        waiter(new PlainProgressDisplay(shown::add))
            .await(List.of(MAIN, CANARY), SHA, Duration.ofMinutes(10));

    assertThat(result.done()).isTrue();
    assertThat(result.laggards()).isEmpty();
    assertThat(result.took()).isEqualTo(Duration.ofSeconds(6));
    assertThat(shown)
        .containsExactly(
            "local.main: waiting for the cluster to pick up 1a2b3c4d (it still wants 9f8e7d6c)",
            "local.canary: @|green 1/1 new tasks happy|@",
            "local.main: 1/3 new tasks happy (the old version is still up)",
            "local.main: 3/3 new tasks happy (the old version is still up)",
            "local.main: @|green 3/3 new tasks happy|@");
    assertThat(api.requests().stream().filter(CANARY_STATUS::equals))
        .as("a done instance is not asked again")
        .hasSize(1);
    assertThat(api.requests().stream().filter(MAIN_STATUS::equals)).hasSize(4);
  }

  @Test
  void givesUpAtTheTimeoutNamingTheInstancesThatLag() {
    api.json(MAIN_STATUS, StatusAnswers.deploying("main", SHA, 2, 1, 3));
    api.json(CANARY_STATUS, StatusAnswers.deploying("canary", SHA, 1, 1, 1));

    WaitResult result =
        waiter(new PlainProgressDisplay(shown::add))
            .await(List.of(MAIN, CANARY), SHA, Duration.ofSeconds(5));

    assertThat(result.done()).isFalse();
    assertThat(result.laggards()).extracting(InstanceProgress::target).containsExactly(MAIN);
    assertThat(result.describeLaggards())
        .isEqualTo("local.main (1/3 new tasks happy (the old version is still up))");
    assertThat(result.took()).isEqualTo(Duration.ofSeconds(5));
    assertThat(shown).as("unchanged progress is not printed again").hasSize(2);
  }

  @Test
  void anInstanceTheApiCannotAnswerForIsNotDoneButTheWaitGoesOn() {
    api.json(MAIN_STATUS, StatusAnswers.running("main", SHA));

    WaitResult result =
        waiter(new PlainProgressDisplay(shown::add))
            .await(List.of(MAIN, CANARY), SHA, Duration.ofSeconds(4));

    assertThat(result.done()).isFalse();
    assertThat(result.describeLaggards())
        .isEqualTo("local.canary (the API does not know this instance yet)");
    assertThat(api.requests().stream().filter(CANARY_STATUS::equals)).hasSize(3);
  }

  @Test
  void onATerminalTheLinesAreRedrawnInPlace() {
    api.json(
        MAIN_STATUS,
        StatusAnswers.deploying("main", SHA, 2, 1, 3),
        StatusAnswers.deploying("main", SHA, 1, 3, 3));
    StringWriter screen = new StringWriter();

    WaitResult result =
        waiter(new TerminalProgressDisplay(new PrintWriter(screen), Ansi.ON))
            .await(List.of(MAIN), SHA, Duration.ofMinutes(1));

    assertThat(result.done()).isTrue();
    assertThat(screen.toString())
        .isEqualTo(
            "\r\u001b[2Klocal.main: 1/3 new tasks happy (the old version is still up)\n"
                + "\u001b[1A\r\u001b[2Klocal.main: \u001b[32m3/3 new tasks happy\u001b[39m\u001b[0m\n");
  }

  private DeploymentWaiter waiter(ProgressDisplay display) {
    ApiEndpoints endpoints =
        new ApiEndpoints(Map.of("local", api.url()), "test", Duration.ofSeconds(5));
    return new DeploymentWaiter(
        StatusSource.of(endpoints), display, clock, clock::advance, Duration.ofSeconds(2));
  }
}
