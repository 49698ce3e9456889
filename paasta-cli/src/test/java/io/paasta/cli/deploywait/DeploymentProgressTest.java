package io.paasta.cli.deploywait;

import static io.paasta.cli.testing.StatusAnswers.OLD_SHA;
import static io.paasta.cli.testing.StatusAnswers.SHA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.cli.api.ApiException;
import io.paasta.cli.api.InstanceStatus;
import io.paasta.cli.api.InstanceTarget;
import io.paasta.cli.testing.StatusAnswers;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When an instance counts as running the commit, as a table of status answers. */
class DeploymentProgressTest {
  private static final InstanceTarget MAIN =
      new InstanceTarget("hello-web", "local", "main", "local.everything");

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(
            StatusAnswers.neverDeployed("main"),
            false,
            "not deployed yet: waiting for the cluster to pick up 1a2b3c4d"),
        Arguments.of(
            StatusAnswers.running("main", OLD_SHA),
            false,
            "waiting for the cluster to pick up 1a2b3c4d (it still wants 9f8e7d6c)"),
        Arguments.of(
            StatusAnswers.deploying("main", SHA, 2, 1, 3),
            false,
            "1/3 new tasks happy (the old version is still up)"),
        Arguments.of(
            StatusAnswers.deploying("main", SHA, 2, 3, 3),
            false,
            "3/3 new tasks happy (the old version is still up)"),
        Arguments.of(StatusAnswers.deploying("main", SHA, 1, 2, 3), false, "2/3 new tasks happy"),
        Arguments.of(
            StatusAnswers.deploying("main", SHA, 0, 0, 3),
            false,
            "0/3 new tasks happy (no app yet)"),
        Arguments.of(StatusAnswers.deploying("main", SHA, 1, 3, 3), true, "3/3 new tasks happy"),
        Arguments.of(StatusAnswers.deploying("main", SHA, 1, 4, 3), true, "4/3 new tasks happy"),
        Arguments.of(StatusAnswers.running("main", SHA), true, "3/3 new tasks happy"),
        Arguments.of(StatusAnswers.stopped("main", SHA), true, "stopped: nothing to wait for"),
        Arguments.of(
            StatusAnswers.deploying("main", SHA, 1, 0, 0),
            true,
            "no tasks desired: nothing to wait for"),
        Arguments.of(
            StatusAnswers.status(
                "main",
                SHA,
                "start",
                "{\"app_count\":1,\"error_message\":\"no such image\"}",
                "null",
                "[]"),
            false,
            "error: no such image"),
        Arguments.of(
            StatusAnswers.status("main", SHA, "start", "null", "null", "[]"),
            false,
            "waiting for the API to report its tasks"));
  }

  @ParameterizedTest
  @MethodSource("answers")
  void decidesFromOneAnswer(String json, boolean done, String text) throws Exception {
    InstanceStatus status = InstanceStatus.from(new ObjectMapper().readTree(json));

    InstanceProgress progress = DeploymentProgress.of(MAIN, status, SHA);

    assertThat(progress.done()).isEqualTo(done);
    assertThat(progress.text()).isEqualTo(text);
    assertThat(progress.line()).isEqualTo("local.main: " + text);
  }

  @ParameterizedTest
  @MethodSource("failures")
  void anUnansweredInstanceIsNotDone(ApiException e, String text) {
    InstanceProgress progress = DeploymentProgress.unanswered(MAIN, e);

    assertThat(progress.done()).isFalse();
    assertThat(progress.text()).isEqualTo(text);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            new ApiException(ApiException.Kind.NOT_FOUND, "404"),
            "the API does not know this instance yet"),
        Arguments.of(
            new ApiException(ApiException.Kind.UNREACHABLE, "cannot reach the PaaSTA API"),
            "no answer: cannot reach the PaaSTA API"));
  }
}
