package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.planning.observed.ObservedTask;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass that keeps failing on the real engine (its image is not in the registry) is tried again
 * after a growing backoff, shown in the API's status; the periodic passes meanwhile do not try
 * again; a new deployment is acted on at once, not after the backoff.
 */
class PassBackoffIT {
  private static final Duration CONVERGE = Duration.ofSeconds(90);
  private static final String MISSING_TAG = "paasta-" + "0".repeat(40); // never pushed

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private LocalClusterFixture cluster;
  private ApiClient api;

  @BeforeEach
  void aCluster() throws Exception {
    cluster = new LocalClusterFixture(tmp, IMAGE.image().registry(), IMAGE.image());
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private JsonNode app() {
    return api.json("/v1/services/" + cluster.service + "/main/status").get("marathon");
  }

  @Test
  void aFailingPassBacksOffAndANewDeploymentIsActedOnAtOnce() throws Exception {
    cluster.instance(
        "instances: 1",
        "cmd: 'exec httpd -f -p 127.0.0.1:$PORT0 -h /www'",
        "healthcheck_mode: http",
        "healthcheck_grace_period_seconds: 1",
        "healthcheck_interval_seconds: 1",
        "drain_method: noop");
    cluster.deploy("start", null, MISSING_TAG);
    cluster.fullPassEvery(Duration.ofSeconds(2)); // periodic passes come often: they must wait
    api = new ApiClient(cluster.startServer(tmp.resolve("state"), Optional.empty()));

    Map<Integer, JsonNode> seen = new TreeMap<>();
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              JsonNode backoff = app().get("pass_backoff");
              if (backoff != null && !backoff.isNull()) {
                seen.putIfAbsent(backoff.get("failures").asInt(), backoff);
              }
              return seen.containsKey(3);
            });
    JsonNode third = seen.get(3);
    JsonNode whileBackingOff = app();

    // each failure waits twice as long as the one before, and nothing tried in between
    assertThat(seen).containsKeys(2, 3);
    for (Map.Entry<Integer, JsonNode> entry : seen.entrySet()) {
      JsonNode backoff = entry.getValue();
      long delay = 5L << (entry.getKey() - 1);
      assertThat(backoff.get("delay_seconds").asLong())
          .as("failure " + entry.getKey())
          .isEqualTo(delay);
      assertThat(backoff.get("last_error").asText()).contains("is not in the registry");
      assertThat(Duration.between(instant(backoff, "failed_at"), instant(backoff, "next_try_at")))
          .isEqualTo(Duration.ofSeconds(delay));
      JsonNode previous = seen.get(entry.getKey() - 1);
      if (previous != null) {
        assertThat(instant(backoff, "failed_at"))
            .isAfterOrEqualTo(instant(previous, "next_try_at"));
      }
    }
    assertThat(whileBackingOff.get("deploy_status").asText()).isEqualTo("Waiting");
    assertThat(whileBackingOff.get("error_message").asText()).contains("is not in the registry");
    assertThat(cluster.log()).contains("pass failed 3 time(s) in a row; next try in 20 s");

    // fixed by a new deployment: acted on now, not at the next try
    Instant nextTry = instant(third, "next_try_at");
    cluster.deploy("start", null);
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> app().get("deploy_status").asText().equals("Running"));
    ObservedTask task =
        cluster.tasks().stream().filter(ObservedTask::isRunning).findFirst().orElseThrow();
    assertThat(task.startedAt())
        .get()
        .matches(started -> started.isBefore(nextTry), "before " + nextTry);
    assertThat(app().get("pass_backoff").isNull()).isTrue();
  }

  private static Instant instant(JsonNode backoff, String field) {
    return Instant.parse(backoff.get(field).asText());
  }
}
