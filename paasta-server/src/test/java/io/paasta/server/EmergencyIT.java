package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.planning.observed.ObservedTask;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paasta emergency-start|stop|restart} through the API of a daemon running real containers:
 * a stop takes the tasks down at once and is kept over a restart of the daemon, until an emergency
 * start or a newer start tag; a restart kills the tasks at once; on a job, a stop suspends the
 * schedule and a start resumes it and runs the job now. Each is logged with who asked.
 */
class EmergencyIT {
  private static final String TOKEN = "emergency-token";
  private static final String HTTPD = "cmd: 'exec httpd -f -p 127.0.0.1:$PORT0 -h /www'";
  private static final Duration WAIT = Duration.ofSeconds(90);

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private LocalClusterFixture cluster;
  private ApiClient api;
  private Path state;

  @BeforeEach
  void aCluster() throws Exception {
    cluster = new LocalClusterFixture(tmp, IMAGE.image().registry(), IMAGE.image());
    cluster.instances("main: {deploy_group: prod, instances: 2, " + HTTPD + "}\n");
    cluster.jobs(
        "nightly: {deploy_group: prod, schedule: 'R/2020-01-01T00:00:00Z/P1D', cmd: 'echo"
            + " nightly run'}\n");
    cluster.deploy("start", null);
    state = tmp.resolve("state");
    start();
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private void start() throws Exception {
    URI base = cluster.startServer(state, Optional.of(TOKEN));
    api = new ApiClient(base);
  }

  private String path(String instance, String what) {
    return "/v1/services/" + cluster.service + "/" + instance + "/" + what;
  }

  private ApiClient.Answer emergency(String instance, String action) {
    return api.send(
        "POST",
        path(instance, "emergency_" + action),
        "{\"by\": \"alice@laptop (local user, not authenticated)\"}",
        Optional.of(TOKEN));
  }

  private JsonNode status(String instance) {
    return api.json(path(instance, "status"));
  }

  @Test
  void aStopIsKeptOverADaemonRestartUntilAnEmergencyStartOrANewerStartTag() throws Exception {
    await().atMost(WAIT).until(() -> cluster.runningOf("main") == 2);

    ApiClient.Answer refused =
        api.send("POST", path("main", "emergency_stop"), "{}", Optional.empty());
    assertThat(refused.status()).isEqualTo(401);
    assertThat(cluster.runningOf("main")).isEqualTo(2);

    ApiClient.Answer stopped = emergency("main", "stop");
    assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
    assertThat(stopped.json().get("emergency_stop").get("stopped_by").asText())
        .startsWith("alice@laptop");
    await().atMost(WAIT).until(() -> cluster.runningOf("main") == 0);
    JsonNode status = status("main");
    assertThat(status.get("desired_state").asText()).isEqualTo("stop");
    assertThat(status.get("emergency_stop").get("stopped_by").asText()).startsWith("alice@");
    assertThat(cluster.log()).contains("emergency-stopped by alice@laptop");

    // the daemon restarted over the same state: the stop is still in force
    cluster.crashDaemon();
    start();
    await().atMost(WAIT).until(() -> api.get(path("main", "status")).status() == 200);
    Thread.sleep(Duration.ofSeconds(8).toMillis()); // more than a full pass of the new daemon
    assertThat(cluster.runningOf("main")).isZero();
    assertThat(status("main").get("emergency_stop").get("stopped_by").asText())
        .startsWith("alice@");

    ApiClient.Answer started = emergency("main", "start");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.json().get("message").asText())
        .contains("the emergency stop of alice@laptop")
        .contains("is lifted");
    assertThat(started.json().get("emergency_stop").isNull()).isTrue();
    await().atMost(WAIT).until(() -> cluster.runningOf("main") == 2);
    assertThat(status("main").get("emergency_stop").isNull()).isTrue();
    assertThat(status("main").get("desired_state").asText()).isEqualTo("start");

    // stopped again, then lifted by a newer start tag (a new force_bounce)
    assertThat(emergency("main", "stop").status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> cluster.runningOf("main") == 0);
    cluster.deploy("start", "20261206T100000");
    await().atMost(WAIT).until(() -> cluster.runningOf("main") == 2);
    assertThat(status("main").get("emergency_stop").isNull()).isTrue();
    assertThat(cluster.log()).contains("is lifted: a newer start, stop or deploy tag");
  }

  @Test
  void aRestartKillsTheTasksAtOnceAndNewOnesStart() {
    await().atMost(WAIT).until(() -> cluster.runningOf("main") == 2);
    List<String> before = running();

    ApiClient.Answer restarted = emergency("main", "restart");

    assertThat(restarted.status()).as(restarted.body()).isEqualTo(200);
    assertThat(restarted.json().get("message").asText()).contains("2 running task(s) killed");
    await()
        .atMost(WAIT)
        .until(() -> running().size() == 2 && running().stream().noneMatch(before::contains));
    assertThat(cluster.log()).contains("emergency-restarted by alice@laptop");
  }

  @Test
  void onAJobAStopSuspendsItsScheduleAndAStartResumesItAndRunsItNow() throws Exception {
    await().atMost(WAIT).until(() -> api.get(path("nightly", "status")).status() == 200);
    assertThat(status("nightly").get("chronos").get("desired_state").asText())
        .isEqualTo("Scheduled");

    ApiClient.Answer stopped = emergency("nightly", "stop");

    assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
    JsonNode job = status("nightly");
    assertThat(job.get("chronos").get("desired_state").asText()).isEqualTo("Disabled");
    assertThat(job.get("chronos").get("next_run").isNull()).isTrue();
    assertThat(job.get("emergency_stop").get("stopped_by").asText()).startsWith("alice@");

    cluster.crashDaemon();
    start();
    await().atMost(WAIT).until(() -> api.get(path("nightly", "status")).status() == 200);
    assertThat(status("nightly").get("chronos").get("desired_state").asText())
        .isEqualTo("Disabled");

    ApiClient.Answer started = emergency("nightly", "start");

    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.json().get("message").asText()).contains("launched now");
    assertThat(status("nightly").get("chronos").get("desired_state").asText())
        .isEqualTo("Scheduled");
    assertThat(status("nightly").get("emergency_stop").isNull()).isTrue();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              JsonNode runs = api.json(path("nightly", "runs")).get("runs");
              return runs.size() > 0 && runs.get(0).get("state").asText().equals("succeeded");
            });

    ApiClient.Answer restart = emergency("nightly", "restart");
    assertThat(restart.status()).isEqualTo(400);
    assertThat(restart.json().get("detail").asText()).contains("is a scheduled job");
  }

  @Test
  void anUnknownInstanceIsNamed() {
    await().atMost(WAIT).until(() -> api.get(path("main", "status")).status() == 200);
    ApiClient.Answer unknown = emergency("nope", "stop");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asText()).contains("'nope'");
  }

  private List<String> running() {
    return cluster.tasksOf("main").stream()
        .filter(ObservedTask::isRunning)
        .map(ObservedTask::id)
        .toList();
  }
}
