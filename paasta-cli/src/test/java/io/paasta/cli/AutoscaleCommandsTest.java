package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.cli.testing.FakePaastaApi.Answer;
import io.paasta.cli.testing.FakePaastaApi.Received;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paasta autoscale} and {@code paasta pause_service_autoscaler} against a fake of the
 * cluster's API: what each sends (with the token for changes), what it prints, the clamp warning
 * naming the bound, and what is refused before the API is asked.
 */
class AutoscaleCommandsTest {
  private static final String AUTOSCALER = "/v1/services/web/main/autoscaler";
  private static final String PAUSE = "/v1/service_autoscaler/pause";
  private static final String BOUNDS =
      "{\"desired_instances\": 3, \"min_instances\": 2, \"max_instances\": 5, \"autoscaled\": true}";

  @TempDir Path tmp;
  private FakePaastaApi local;
  private Path tokenFile;

  @BeforeEach
  void anApi() throws IOException {
    local = new FakePaastaApi("local");
    tokenFile = Files.writeString(tmp.resolve("api_token"), "s3cret\n");
  }

  @AfterEach
  void stop() {
    local.close();
  }

  @Test
  void autoscalePrintsTheCount() throws IOException {
    local.script(AUTOSCALER, Answer.json(BOUNDS));
    CliRun r = run("autoscale", "-s", "web", "-i", "main", "-c", "local");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).isEqualTo("3\n");
    assertThat(local.received()).extracting(Received::method).containsExactly("GET");
  }

  @Test
  void autoscaleSetsTheCountWithTheToken() throws IOException {
    local.script(AUTOSCALER, Answer.json(BOUNDS), Answer.json(BOUNDS.replace(": 3", ": 4")));
    CliRun r = run("autoscale", "-s", "web", "-i", "main", "-c", "local", "--set", "4");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).isEqualTo("4\n");
    assertThat(r.err()).isEmpty();
    Received post = local.received().get(1);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.authorization()).isEqualTo("Bearer s3cret");
    assertThat(post.body()).isEqualTo("{\"desired_instances\":4}");
  }

  @Test
  void aCountAboveMaxIsClampedWithAWarningNamingTheBound() throws IOException {
    local.script(AUTOSCALER, Answer.json(BOUNDS), Answer.json(BOUNDS.replace(": 3", ": 5")));
    CliRun r = run("autoscale", "-s", "web", "-i", "main", "-c", "local", "--set", "9");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).isEqualTo("warning: 9 is above max_instances (5) of web.main: set to 5\n");
    assertThat(r.out()).isEqualTo("5\n");
    CliRun low = run("autoscale", "-s", "web", "-i", "main", "-c", "local", "--set", "1");
    assertThat(low.err())
        .isEqualTo("warning: 1 is below min_instances (2) of web.main: set to 2\n");
  }

  @Test
  void anInstanceThatIsNotAutoscaledIsRefusedByTheApi() throws IOException {
    local.script(
        AUTOSCALER,
        Answer.json(
            "{\"desired_instances\": 2, \"min_instances\": null, \"max_instances\": null,"
                + " \"autoscaled\": false}"),
        Answer.problem(400, "Bad Request", "web.main in cluster 'local' is not autoscaled"));
    CliRun r = run("autoscale", "-s", "web", "-i", "main", "-c", "local", "--set", "3");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("is not autoscaled").doesNotContain("warning");
  }

  @Test
  void pauseDefaultsToTwoHoursAndSaysUntilWhen() throws IOException {
    local.script(PAUSE, Answer.json("{\"paused_until\": \"2026-12-06T14:00:00Z\"}"));
    CliRun r = run("pause_service_autoscaler", "-c", "local");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).isEqualTo("Service autoscaler is paused until 2026-12-06T14:00:00Z\n");
    Received post = local.received().get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.body()).isEqualTo("{\"minutes\":120}");
    assertThat(post.authorization()).isEqualTo("Bearer s3cret");
  }

  @Test
  void aLongPauseNeedsForce() throws IOException {
    local.script(PAUSE, Answer.json("{\"paused_until\": \"2026-12-07T14:00:00Z\"}"));
    CliRun refused = run("pause_service_autoscaler", "-c", "local", "-d", "321");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("321 minutes is longer than 320").contains("-f/--force");
    assertThat(local.requests()).isEmpty();
    CliRun forced = run("pause_service_autoscaler", "-c", "local", "-d", "321", "-f");
    assertThat(forced.exit()).isEqualTo(0);
    assertThat(local.received().get(0).body()).isEqualTo("{\"minutes\":321}");
  }

  @Test
  void infoAndResume() throws IOException {
    local.script(PAUSE, Answer.json("{\"paused_until\": null}"));
    CliRun info = run("pause_service_autoscaler", "-c", "local", "-i");
    CliRun resume = run("pause_service_autoscaler", "-c", "local", "-r");
    assertThat(info.out()).isEqualTo("Service autoscaler is not paused\n");
    assertThat(resume.out()).isEqualTo("Service autoscaler is not paused\n");
    assertThat(local.received()).extracting(Received::method).containsExactly("GET", "DELETE");
    assertThat(local.received().get(1).authorization()).isEqualTo("Bearer s3cret");
  }

  private CliRun run(String... args) throws IOException {
    Path etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("local", local.url()));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--system-config-dir", etc.toString(), "--api-token-file", tokenFile.toString()));
    return CliRun.run(all.toArray(String[]::new));
  }
}
