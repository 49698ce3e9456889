package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.testing.TestInfrastructure;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's HTTP API over real HTTP, against the daemon running real containers on the Docker
 * engine: every endpoint, the problem documents, status through a bounce, a stop and a missing
 * image, the backoff of failing passes, and autoscaler counts that scale without a bounce and
 * survive a restart.
 */
class ApiIT {
  private static final Duration CONVERGE = Duration.ofSeconds(60);
  private static final String TOKEN = "it-token-" + TestInfrastructure.randomSha().substring(0, 12);
  private static final String HTTPD =
      "cmd: 'echo hello-from-$PAASTA_INSTANCE; exec httpd -f -p 127.0.0.1:$PORT0 -h /www'";
  private static final String FAST_HEALTH =
      "healthcheck_mode: http, healthcheck_uri: /status, healthcheck_grace_period_seconds: 1,"
          + " healthcheck_interval_seconds: 1, healthcheck_timeout_seconds: 1,"
          + " healthcheck_max_consecutive_failures: 2, drain_method: noop";

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

  private void start() throws Exception {
    URI base = cluster.startServer(tmp.resolve("state"), Optional.of(TOKEN));
    api = new ApiClient(base);
  }

  /** main: n tasks of busybox httpd, crossover, fast health checks; plus extra YAML lines. */
  private void main(String extra) throws Exception {
    cluster.instances(
        "main: {deploy_group: prod, "
            + HTTPD.replace("cmd: ", "cmd: ")
            + ", "
            + FAST_HEALTH
            + ", "
            + extra
            + "}\n"
            + "canary: {deploy_group: canary, instances: 1, "
            + HTTPD
            + "}\n");
  }

  private String statusPath(String instance) {
    return "/v1/services/" + cluster.service + "/" + instance + "/status";
  }

  private JsonNode status(String instance) {
    return api.json(statusPath(instance));
  }

  private JsonNode awaitStatus(String instance, String deployStatus, int healthy) {
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              JsonNode app = status(instance).get("marathon");
              return app.get("deploy_status").asText().equals(deployStatus)
                  && app.get("healthy_instance_count").asInt() == healthy;
            });
    return status(instance);
  }

  @Test
  void everyReadEndpointDescribesARunningInstance() throws Exception {
    main("instances: 2");
    cluster.deploy("start", null);
    start();
    JsonNode status = awaitStatus("main", "Running", 2);
    String appId = cluster.onlyApp().orElseThrow();

    JsonNode version = api.json("/v1/version");
    assertThat(version.get("version").asText()).isNotBlank().isNotEqualTo("unknown");
    assertThat(version.get("cluster").asText()).isEqualTo(cluster.cluster);
    assertThat(api.json("/v1/services").get("services"))
        .extracting(JsonNode::asText)
        .containsExactly(cluster.service);
    assertThat(api.json("/v1/services/" + cluster.service).get("instances"))
        .extracting(JsonNode::asText)
        .containsExactly("canary", "main");

    assertThat(status.get("service").asText()).isEqualTo(cluster.service);
    assertThat(status.get("instance").asText()).isEqualTo("main");
    assertThat(status.get("cluster").asText()).isEqualTo(cluster.cluster);
    assertThat(status.get("git_sha").asText()).isEqualTo(IMAGE.image().gitSha());
    assertThat(status.get("desired_state").asText()).isEqualTo("start");
    assertThat(status.get("smartstack").isNull()).isTrue();
    assertThat(status.get("checks").isArray()).isTrue();
    JsonNode marathon = status.get("marathon");
    assertThat(marathon.get("desired_state").asText()).isEqualTo("start");
    assertThat(marathon.get("app_id").asText()).isEqualTo(appId);
    assertThat(marathon.get("app_count").asInt()).isEqualTo(1);
    assertThat(marathon.get("bounce_method").asText()).isEqualTo("crossover");
    assertThat(marathon.get("running_instance_count").asInt()).isEqualTo(2);
    assertThat(marathon.get("expected_instance_count").asInt()).isEqualTo(2);
    assertThat(marathon.get("error_message").isNull()).isTrue();
    assertThat(marathon.get("config_problems")).isEmpty();

    JsonNode canary = status("canary");
    assertThat(canary.get("git_sha").isNull()).isTrue();
    assertThat(canary.get("desired_state").isNull()).isTrue();
    assertThat(canary.get("marathon").get("deploy_status").asText()).isEqualTo("NotRunning");
    assertThat(canary.get("marathon").get("error_message").asText())
        .contains("not deployed")
        .contains("canary");

    // every task the engine has, running ones and any crash history (a task that could not start)
    JsonNode tasks = api.json("/v1/services/" + cluster.service + "/main/tasks").get("tasks");
    List<JsonNode> running = new ArrayList<>();
    for (JsonNode task : tasks) {
      assertThat(task.get("app_id").asText()).isEqualTo(appId);
      assertThat(task.get("git_sha").asText()).isEqualTo(IMAGE.image().gitSha());
      assertThat(task.get("host").asText()).isEqualTo("127.0.0.1");
      assertThat(task.get("port").asInt()).isPositive();
      assertThat(Instant.parse(task.get("started_at").asText())).isBefore(Instant.now());
      assertThat(task.has("output")).isFalse();
      if (task.get("state").asText().equals("running")) {
        running.add(task);
        assertThat(task.get("health").asText()).isEqualTo("healthy");
        assertThat(task.get("drain").asText()).isEqualTo("not_draining");
        assertThat(task.get("finished_at").isNull()).isTrue();
        assertThat(task.get("exit_code").isNull()).isTrue();
      } else {
        assertThat(task.get("state").asText()).isEqualTo("exited");
        assertThat(Instant.parse(task.get("finished_at").asText())).isBefore(Instant.now());
        assertThat(task.get("exit_code").isInt()).isTrue();
      }
    }
    assertThat(running).hasSize(2);
    assertThat(cluster.tasks().stream().filter(ObservedTask::isRunning).map(ObservedTask::id))
        .containsExactlyInAnyOrderElementsOf(
            running.stream().map(t -> t.get("id").asText()).toList());
    JsonNode verbose =
        api.json("/v1/services/" + cluster.service + "/main/tasks?verbose=2").get("tasks");
    assertThat(verbose.get(0).get("output"))
        .extracting(JsonNode::asText)
        .contains("hello-from-main");

    JsonNode scale = api.json("/v1/services/" + cluster.service + "/main/autoscaler");
    assertThat(scale.get("desired_instances").asInt()).isEqualTo(2);
    assertThat(scale.get("min_instances").isNull()).isTrue();
    assertThat(scale.get("autoscaled").asBoolean()).isFalse();

    assertThat(api.json("/v1/openapi.json").get("paths").has("/v1/services/{service}")).isTrue();
    ApiClient.Answer metrics = api.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("jvm_memory_used_bytes")
        .contains("jvm_threads_live_threads")
        .contains("process_cpu_usage")
        .contains("paasta_reconcile_pass_seconds_count")
        .containsPattern(
            "paasta_instance_healthy_tasks\\{instance=\"main\",service=\""
                + cluster.service
                + "\"} 2\\.0")
        .containsPattern("paasta_instance_expected_tasks\\{instance=\"main\",[^}]*} 2\\.0")
        .containsPattern("paasta_instance_bounce_in_progress\\{instance=\"main\",[^}]*} 0\\.0");
  }

  @Test
  void theAutoscalerPauseIsSetReadAndEnded() throws Exception {
    main("instances: 1");
    start();
    String pause = "/v1/service_autoscaler/pause";
    assertThat(api.json(pause).get("paused_until").isNull()).isTrue();
    ApiClient.Answer paused = api.send("POST", pause, "{\"minutes\": 30}", Optional.of(TOKEN));
    assertThat(paused.status()).isEqualTo(200);
    Instant until = Instant.parse(paused.json().get("paused_until").asText());
    assertThat(until)
        .isBetween(Instant.now().plusSeconds(29 * 60), Instant.now().plusSeconds(31 * 60));
    assertThat(api.json(pause).get("paused_until").asText()).isEqualTo(until.toString());
    ApiClient.Answer resumed = api.send("DELETE", pause, null, Optional.of(TOKEN));
    assertThat(resumed.status()).isEqualTo(200);
    assertThat(resumed.json().get("paused_until").isNull()).isTrue();
    assertThat(api.json(pause).get("paused_until").isNull()).isTrue();
  }

  @Test
  void errorsAreProblemDocuments() throws Exception {
    main("instances: 1");
    cluster.deploy("start", null);
    start();
    String s = cluster.service;

    assertProblem(api.get("/v1/services/no-such-service"), 404, "no-such-service");
    assertProblem(api.get("/v1/services/no-such-service/main/status"), 404, "no-such-service");
    assertProblem(
        api.get("/v1/services/" + s + "/nope/status"), 404, "its instances here: canary, main");
    assertProblem(api.get("/v1/services/" + s + "/nope/tasks"), 404, "'nope'");
    assertProblem(api.get("/v1/services/" + s + "/nope/autoscaler"), 404, "'nope'");
    assertProblem(api.get("/v1/nothing/here"), 404, "/v1/openapi.json");
    assertProblem(api.get("/"), 404, "no API resource");

    String autoscaler = "/v1/services/" + s + "/main/autoscaler";
    ApiClient.Answer noToken =
        api.send("POST", autoscaler, "{\"desired_instances\": 2}", Optional.empty());
    assertProblem(noToken, 401, "Authorization: Bearer");
    assertThat(noToken.header("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertProblem(
        api.send("POST", autoscaler, "{\"desired_instances\": 2}", Optional.of("wrong")),
        401,
        "not the daemon's API token");
    assertProblem(
        api.send("POST", "/v1/service_autoscaler/pause", "{\"minutes\": 5}", Optional.empty()),
        401,
        "Bearer");
    assertProblem(
        api.send("DELETE", "/v1/service_autoscaler/pause", null, Optional.empty()), 401, "Bearer");
    assertThat(cluster.log()).doesNotContain(TOKEN);

    Optional<String> token = Optional.of(TOKEN);
    assertProblem(
        api.send("POST", autoscaler, "{\"desired_instances\": ", token), 400, "not valid JSON");
    assertProblem(api.send("POST", autoscaler, "[1]", token), 400, "must be a JSON object");
    assertProblem(api.send("POST", autoscaler, "", token), 400, "must be a JSON object");
    assertProblem(
        api.send("POST", autoscaler, "{\"desired_instances\": \"two\"}", token),
        400,
        "'desired_instances' must be an integer");
    assertProblem(
        api.send("POST", autoscaler, "{}", token), 400, "'desired_instances' is required");
    assertProblem(
        api.send("POST", autoscaler, "{\"instances\": 2}", token),
        400,
        "unknown field 'instances'");
    assertProblem(
        api.send("POST", "/v1/service_autoscaler/pause", "{\"minutes\": 1.5}", token),
        400,
        "'minutes' must be an integer");
    assertProblem(
        api.send("POST", "/v1/service_autoscaler/pause", "{\"minutes\": 0}", token),
        400,
        "'minutes' must be from 1");
    assertProblem(
        api.send("POST", autoscaler, "{\"desired_instances\": 2}", token),
        400,
        s + ".main in cluster '" + cluster.cluster + "' is not autoscaled");
    assertProblem(api.get("/v1/services/" + s + "/main/tasks?verbose=lots"), 400, "'verbose'");
    assertProblem(
        api.send(
            "POST",
            autoscaler,
            "{\"desired_instances\": 2, \"x\": \"" + "y".repeat(70_000) + "\"}",
            token),
        413,
        "larger than");

    ApiClient.Answer wrongMethod = api.send("PUT", "/v1/version", "{}", token);
    assertProblem(wrongMethod, 405, "allowed: GET");
    assertThat(wrongMethod.header("Allow")).contains("GET");
    assertProblem(
        api.send("DELETE", "/v1/services/" + s, null, token), 405, "DELETE is not allowed");
    assertProblem(api.send("POST", "/v1/services/" + s + "/main/status", "{}", token), 405, "GET");
  }

  private static void assertProblem(ApiClient.Answer answer, int status, String detail) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).contains(detail);
  }

  @Test
  void statusFollowsABounceAStopAndAMissingImage() throws Exception {
    main("instances: 2");
    cluster.deploy("start", null);
    start();
    String first = awaitStatus("main", "Running", 2).get("marathon").get("app_id").asText();

    // a new config whose tasks never turn healthy: the bounce stays in progress
    main("instances: 2, env: {VERSION: '2'}, healthcheck_uri: /nope");
    await()
        .atMost(CONVERGE)
        .until(
            () -> {
              JsonNode app = status("main").get("marathon");
              return !app.get("app_id").asText().equals(first)
                  && app.get("app_count").asInt() == 2
                  && app.get("running_instance_count").asInt() >= 1;
            });
    JsonNode bouncing = status("main").get("marathon");
    assertThat(bouncing.get("deploy_status").asText()).isEqualTo("Deploying");
    assertThat(bouncing.get("healthy_instance_count").asInt()).isZero();
    assertThat(cluster.running(first, true)).isEqualTo(2); // crossover keeps the old capacity
    // the gauge is set when the pass that starts the new tasks ends, maybe after the API saw them
    await()
        .atMost(CONVERGE)
        .until(
            () ->
                java.util.regex.Pattern.compile(
                        "paasta_instance_bounce_in_progress\\{instance=\"main\",[^}]*} 1\\.0")
                    .matcher(api.get("/metrics").body())
                    .find());

    main("instances: 2, env: {VERSION: '2'}"); // fixed: the bounce completes
    String second = awaitStatus("main", "Running", 2).get("marathon").get("app_id").asText();
    assertThat(second).isNotEqualTo(first);

    cluster.deploy("stop", "20261125T120000");
    await()
        .atMost(CONVERGE)
        .until(() -> "stop".equals(status("main").path("desired_state").asText()));
    List<String> whileStopping = new ArrayList<>();
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              whileStopping.add(status("main").get("marathon").get("deploy_status").asText());
              return cluster.tasks().stream().noneMatch(ObservedTask::isRunning);
            });
    assertThat(whileStopping).containsOnly("Stopped");
    JsonNode stopped = status("main");
    assertThat(stopped.get("marathon").get("desired_state").asText()).isEqualTo("stop");
    assertThat(stopped.get("marathon").get("expected_instance_count").asInt()).isZero();

    cluster.deploy("start", "20261125T120500", "paasta-" + "0".repeat(40)); // never pushed
    await()
        .atMost(CONVERGE)
        .until(
            () -> status("main").get("marathon").get("deploy_status").asText().equals("Waiting"));
    assertThat(status("main").get("marathon").get("error_message").asText())
        .contains("is not in the registry");
  }

  /**
   * A pass that keeps failing (its image is not in the registry) is tried again after a growing
   * backoff, shown in the status; the periodic passes meanwhile do not try again; a new deployment
   * is acted on at once, not after the backoff.
   */
  @Test
  void aFailingPassBacksOffAndANewDeploymentIsActedOnAtOnce() throws Exception {
    main("instances: 1");
    cluster.deploy("start", null, "paasta-" + "0".repeat(40)); // never pushed
    cluster.fullPassEvery(Duration.ofSeconds(2)); // periodic passes come often: they must wait
    start();

    Map<Integer, JsonNode> seen = new TreeMap<>();
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              JsonNode backoff = status("main").get("marathon").get("pass_backoff");
              if (backoff != null && !backoff.isNull()) {
                seen.putIfAbsent(backoff.get("failures").asInt(), backoff);
              }
              return seen.containsKey(3);
            });
    JsonNode third = seen.get(3);
    JsonNode whileBackingOff = status("main").get("marathon");

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
        .until(
            () -> status("main").get("marathon").get("deploy_status").asText().equals("Running"));
    ObservedTask task =
        cluster.tasks().stream().filter(ObservedTask::isRunning).findFirst().orElseThrow();
    assertThat(task.startedAt())
        .get()
        .matches(started -> started.isBefore(nextTry), "before " + nextTry);
    assertThat(status("main").get("marathon").get("pass_backoff").isNull()).isTrue();
  }

  private static Instant instant(JsonNode backoff, String field) {
    return Instant.parse(backoff.get(field).asText());
  }

  @Test
  void theAutoscalerScalesWithoutABounceAndItsCountSurvivesARestart() throws Exception {
    main("min_instances: 1, max_instances: 3");
    cluster.deploy("start", null);
    start();
    String app = awaitStatus("main", "Running", 3).get("marathon").get("app_id").asText();
    String autoscaler = "/v1/services/" + cluster.service + "/main/autoscaler";
    JsonNode before = api.json(autoscaler);
    assertThat(before.get("desired_instances").asInt()).isEqualTo(3);
    assertThat(before.get("min_instances").asInt()).isEqualTo(1);
    assertThat(before.get("max_instances").asInt()).isEqualTo(3);
    assertThat(before.get("autoscaled").asBoolean()).isTrue();

    ApiClient.Answer set =
        api.send("POST", autoscaler, "{\"desired_instances\": 2}", Optional.of(TOKEN));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("desired_instances").asInt()).isEqualTo(2);
    await()
        .atMost(CONVERGE)
        .until(() -> cluster.tasks().stream().filter(ObservedTask::isRunning).count() == 2);
    assertThat(cluster.onlyApp()).contains(app); // a scale, not a bounce
    assertThat(awaitStatus("main", "Running", 2).get("marathon").get("app_id").asText())
        .isEqualTo(app);

    ApiClient.Answer clamped =
        api.send("POST", autoscaler, "{\"desired_instances\": 0}", Optional.of(TOKEN));
    assertThat(clamped.json().get("desired_instances").asInt()).isEqualTo(1); // min_instances
    await()
        .atMost(CONVERGE)
        .until(() -> cluster.tasks().stream().filter(ObservedTask::isRunning).count() == 1);
    assertThat(cluster.onlyApp()).contains(app);

    cluster.crashDaemon();
    start(); // the same state directory
    assertThat(api.json(autoscaler).get("desired_instances").asInt()).isEqualTo(1);
    // the new daemon's passes keep 1 task (without the stored count it would run max_instances)
    await()
        .atMost(CONVERGE)
        .until(
            () ->
                api.get("/metrics")
                    .body()
                    .matches(
                        "(?s).*paasta_instance_expected_tasks\\{instance=\"main\",[^}]*} 1\\.0.*"));
    assertThat(cluster.tasks().stream().filter(ObservedTask::isRunning).count()).isEqualTo(1);
    assertThat(cluster.onlyApp()).contains(app);
    assertThat(status("main").get("marathon").get("expected_instance_count").asInt()).isEqualTo(1);
  }
}
