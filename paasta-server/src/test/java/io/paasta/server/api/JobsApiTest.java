package io.paasta.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import io.paasta.server.DaemonLog;
import io.paasta.server.DaemonProcess;
import io.paasta.server.NoScheduler;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.status.StatusRegistry;
import io.paasta.server.testing.InMemoryJobsView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs routes over real HTTP on loopback, on the daemon's soa-configs and a scheduler's view
 * held in memory: a job's status with its {@code chronos} object, its runs, and reruns.
 */
class JobsApiTest {
  private static final Instant NOW = Instant.parse("2026-01-01T03:00:00Z");
  private static final String TOKEN = "t0ken";
  private static final InstanceRef NIGHTLY =
      new InstanceRef("batch", "norcal", "nightly", InstanceKind.CHRONOS);
  private static final InstanceRef SUMMARIZE =
      new InstanceRef("batch", "norcal", "summarize", InstanceKind.CHRONOS);

  @TempDir Path soa;
  private final InMemoryJobsView jobs = new InMemoryJobsView();
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiServer server;
  private URI base;

  @BeforeEach
  void soaConfigs() throws Exception {
    write(
        "batch/chronos-norcal.yaml",
        """
        nightly:
          schedule: R/2026-01-01T00:00:00Z/PT24H
          schedule_time_zone: America/Los_Angeles
          epsilon: PT30M
          cmd: echo report for %(shortdate)s
          deploy_group: norcal.everything
        summarize:
          parents: [batch.nightly]
          cmd: echo summary
          deploy_group: norcal.everything
        """);
    write(
        "batch/marathon-norcal.yaml", "web:\n  instances: 1\n  deploy_group: norcal.everything\n");
    write(
        "batch/deployments.json",
        """
        {"v2": {"deployments": {"norcal.everything": {"docker_image": "services-batch:paasta-0123456789abcdef0123456789abcdef01234567",
                                                      "git_sha": "0123456789abcdef0123456789abcdef01234567"}},
                "controls": {}}}
        """);
  }

  private void write(String relative, String text) throws Exception {
    Path path = soa.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
    Files.setLastModifiedTime(path, FileTime.from(Instant.now().minusSeconds(60)));
  }

  private void start(io.paasta.server.jobs.JobsView view) throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    DaemonLog log =
        new DaemonLog(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), clock);
    StatusRegistry status = new StatusRegistry();
    ServiceConfigs configs =
        ServiceConfigs.of(
            SoaConfigsLoader.open(soa),
            DaemonProcess.systemConfig("norcal", "127.0.0.1:5000"),
            status,
            log,
            Clock.systemUTC());
    configs.reloadAll();
    InstanceLookup lookup = new InstanceLookup(configs, status, "norcal");
    Optional<ApiToken> token = Optional.of(new ApiToken(TOKEN, "a test"));
    server =
        new ApiServer(
            ApiSettings.of(ApiListenAddress.parse("127.0.0.1:0"), token),
            new ApiHandler(
                ApiRoutes.router(
                    "norcal",
                    new ServicesResource(lookup, null, null, status, null, clock),
                    new AutoscalerResource(lookup, null, null, ref -> {}, clock),
                    new JobsResource(
                        lookup, view, ref -> List.of(Map.of("name", "check of " + ref)), clock),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)),
                token,
                log));
    server.start();
    base = server.baseUri();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return Json.read(response.body().getBytes(StandardCharsets.UTF_8));
  }

  private static String problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(ProblemDocument.CONTENT_TYPE));
    return json(response, status).get("detail").asText();
  }

  private static JobRun run(
      long id, InstanceRef job, Instant executionDate, RunState state, RunTrigger trigger) {
    boolean finished = state.finished();
    return new JobRun(
        id,
        job,
        executionDate,
        trigger,
        state,
        Optional.of(executionDate.plusSeconds(1)),
        finished ? Optional.of(executionDate.plusSeconds(40)) : Optional.empty(),
        finished ? OptionalInt.of(state == RunState.SUCCEEDED ? 0 : 1) : OptionalInt.empty(),
        1,
        3,
        "abc123",
        "hash1",
        Optional.of("paasta-job-norcal-batch-nightly-" + id + "-1"),
        state == RunState.FAILED ? "exited 1 after 3 attempts" : "");
  }

  private void nightlyRunningWithHistory() {
    Instant today = Instant.parse("2026-01-01T08:00:00Z");
    JobRun running = run(3, NIGHTLY, today, RunState.RUNNING, RunTrigger.SCHEDULE);
    JobRun failed =
        run(2, NIGHTLY, today.minus(Duration.ofDays(1)), RunState.FAILED, RunTrigger.RERUN);
    JobRun succeeded =
        run(1, NIGHTLY, today.minus(Duration.ofDays(2)), RunState.SUCCEEDED, RunTrigger.SCHEDULE);
    List<JobRun> recent = List.of(running, failed, succeeded);
    jobs.statuses.put(
        NIGHTLY,
        new JobStatus(
            NIGHTLY,
            true,
            Optional.of("R/2026-01-01T00:00:00Z/PT24H"),
            "America/Los_Angeles",
            Duration.ofMinutes(30),
            List.of(),
            Optional.of(Instant.parse("2026-01-02T08:00:00Z")),
            "echo report for 2026-01-01",
            3,
            true,
            Optional.empty(),
            Optional.of(running),
            recent));
    jobs.runs.put(NIGHTLY, recent);
  }

  @Test
  void theStatusOfAJobHasItsChronosObject() throws Exception {
    nightlyRunningWithHistory();
    start(jobs);

    JsonNode status = json(get("/v1/services/batch/nightly/status"), 200);

    assertThat(status.get("service").asText()).isEqualTo("batch");
    assertThat(status.get("instance").asText()).isEqualTo("nightly");
    assertThat(status.get("git_sha").asText())
        .isEqualTo("0123456789abcdef0123456789abcdef01234567");
    assertThat(status.has("marathon")).isFalse();
    assertThat(status.get("checks").get(0).get("name").asText()).contains("nightly");
    JsonNode chronos = status.get("chronos");
    assertThat(chronos.get("job_id").asText()).isEqualTo("batch.nightly");
    assertThat(chronos.get("desired_state").asText()).isEqualTo("Scheduled");
    assertThat(chronos.get("run_state").asText()).isEqualTo("running");
    assertThat(chronos.get("schedule").asText()).isEqualTo("R/2026-01-01T00:00:00Z/PT24H");
    assertThat(chronos.get("schedule_time_zone").asText()).isEqualTo("America/Los_Angeles");
    assertThat(chronos.get("epsilon").asText()).isEqualTo("PT30M");
    assertThat(chronos.get("parents")).isEmpty();
    assertThat(chronos.get("next_run").asText()).isEqualTo("2026-01-02T08:00:00Z");
    assertThat(chronos.get("command").asText()).isEqualTo("echo report for 2026-01-01");
    assertThat(chronos.get("deployed").asBoolean()).isTrue();
    assertThat(chronos.get("problem").isNull()).isTrue();
    assertThat(chronos.get("last_result").asText()).isEqualTo("Failed");
    assertThat(chronos.get("last_result_time").asText()).isEqualTo("2025-12-31T08:00:40Z");
    assertThat(chronos.get("max_attempts").asInt()).isEqualTo(3);
    assertThat(chronos.get("running").get("run_id").asLong()).isEqualTo(3);
    assertThat(chronos.get("runs"))
        .extracting(r -> r.get("run_id").asLong())
        .containsExactly(3L, 2L, 1L);

    JsonNode failed = chronos.get("runs").get(1);
    assertThat(failed.get("execution_date").asText()).isEqualTo("2025-12-31T08:00:00Z");
    assertThat(failed.get("trigger").asText()).isEqualTo("rerun");
    assertThat(failed.get("state").asText()).isEqualTo("failed");
    assertThat(failed.get("start").asText()).isEqualTo("2025-12-31T08:00:01Z");
    assertThat(failed.get("end").asText()).isEqualTo("2025-12-31T08:00:40Z");
    assertThat(failed.get("exit_code").asInt()).isEqualTo(1);
    assertThat(failed.get("attempts").asInt()).isEqualTo(1);
    assertThat(failed.get("max_attempts").asInt()).isEqualTo(3);
    assertThat(failed.get("git_sha").asText()).isEqualTo("abc123");
    assertThat(failed.get("config_hash").asText()).isEqualTo("hash1");
    assertThat(failed.get("task_id").asText()).isEqualTo("paasta-job-norcal-batch-nightly-2-1");
    assertThat(failed.get("message").asText()).isEqualTo("exited 1 after 3 attempts");
    assertThat(failed.has("output")).isFalse();
    JsonNode running = chronos.get("running");
    assertThat(running.get("end").isNull()).isTrue();
    assertThat(running.get("exit_code").isNull()).isTrue();
  }

  @Test
  void runsAndOutputLinesShapeTheStatusRuns() throws Exception {
    nightlyRunningWithHistory();
    start(jobs);

    JsonNode chronos =
        json(get("/v1/services/batch/nightly/status?runs=1&output_lines=2"), 200).get("chronos");

    assertThat(chronos.get("runs")).hasSize(1);
    assertThat(chronos.get("runs").get(0).get("output"))
        .extracting(JsonNode::asText)
        .containsExactly("run 3 line 1", "run 3 line 2");
    assertThat(problem(get("/v1/services/batch/nightly/status?output_lines=lots"), 400))
        .contains("'output_lines'")
        .contains("lots");
  }

  @Test
  void aJobWithParentsThatNeverRanIsNewAndAJobDueButNotStartedIsQueued() throws Exception {
    jobs.statuses.put(
        SUMMARIZE,
        new JobStatus(
            SUMMARIZE,
            false,
            Optional.empty(),
            "UTC",
            Duration.ofSeconds(60),
            List.of("batch.nightly"),
            Optional.empty(),
            "echo summary",
            3,
            false,
            Optional.of("no image is deployed for deploy group norcal.everything"),
            Optional.empty(),
            List.of()));
    jobs.statuses.put(
        NIGHTLY,
        new JobStatus(
            NIGHTLY,
            true,
            Optional.of("R/2026-01-01T00:00:00Z/PT24H"),
            "UTC",
            Duration.ofMinutes(30),
            List.of(),
            Optional.of(NOW.minusSeconds(5)),
            "echo report",
            3,
            true,
            Optional.empty(),
            Optional.empty(),
            List.of()));
    start(jobs);

    JsonNode summarize = json(get("/v1/services/batch/summarize/status"), 200).get("chronos");
    assertThat(summarize.get("desired_state").asText()).isEqualTo("Disabled");
    assertThat(summarize.get("run_state").asText()).isEqualTo("idle");
    assertThat(summarize.get("schedule").isNull()).isTrue();
    assertThat(summarize.get("parents"))
        .extracting(JsonNode::asText)
        .containsExactly("batch.nightly");
    assertThat(summarize.get("next_run").isNull()).isTrue();
    assertThat(summarize.get("last_result").asText()).isEqualTo("New");
    assertThat(summarize.get("last_result_time").isNull()).isTrue();
    assertThat(summarize.get("running").isNull()).isTrue();
    assertThat(summarize.get("deployed").asBoolean()).isFalse();
    assertThat(summarize.get("problem").asText()).contains("no image");
    assertThat(summarize.get("runs")).isEmpty();

    assertThat(
            json(get("/v1/services/batch/nightly/status"), 200)
                .get("chronos")
                .get("run_state")
                .asText())
        .isEqualTo("queued");
  }

  @Test
  void theRunsOfAJobWithLimitAndOutput() throws Exception {
    nightlyRunningWithHistory();
    start(jobs);

    JsonNode all = json(get("/v1/services/batch/nightly/runs"), 200);
    assertThat(all.get("runs"))
        .extracting(r -> r.get("run_id").asLong())
        .containsExactly(3L, 2L, 1L);
    assertThat(all.get("runs").get(0).has("output")).isFalse();

    JsonNode two = json(get("/v1/services/batch/nightly/runs?limit=2&output_lines=1"), 200);
    assertThat(two.get("runs")).hasSize(2);
    assertThat(two.get("runs").get(1).get("output").get(0).asText()).isEqualTo("run 2 line 1");

    assertThat(problem(get("/v1/services/batch/nightly/runs?limit=-1"), 400)).contains("'limit'");
  }

  @Test
  void runsOfWhatIsNoJobAre404sNamingWhatIsThere() throws Exception {
    start(jobs);
    assertThat(problem(get("/v1/services/batch/web/runs"), 404))
        .contains("no scheduled job 'web'")
        .contains("chronos-norcal.yaml has: nightly, summarize");
    assertThat(problem(get("/v1/services/nope/nightly/runs"), 404))
        .contains("unknown service 'nope'");
    assertThat(problem(get("/v1/services/batch/nope/status"), 404)).contains("'nope'");
    assertThat(problem(post("/v1/services/batch/web/runs", "{}", TOKEN), 404))
        .contains("no scheduled job 'web'");
  }

  @Test
  void aRerunNeedsTheTokenAndPassesTheRequestToTheScheduler() throws Exception {
    nightlyRunningWithHistory();
    JobRun created =
        run(4, NIGHTLY, Instant.parse("2026-01-01T08:00:00Z"), RunState.RUNNING, RunTrigger.RERUN);
    jobs.rerunCreates = List.of(created);
    start(jobs);

    assertThat(problem(post("/v1/services/batch/nightly/runs", "{}", null), 401)).isNotBlank();
    assertThat(problem(post("/v1/services/batch/nightly/runs", "{}", "wrong"), 401)).isNotBlank();
    assertThat(jobs.reruns).isEmpty();

    JsonNode runs =
        json(
            post(
                "/v1/services/batch/nightly/runs",
                "{\"execution_date\": \"2026-01-01T00:00:00\", \"rerun_type\": \"graph\","
                    + " \"force_disabled\": true}",
                TOKEN),
            201);

    assertThat(runs.get("runs")).extracting(r -> r.get("run_id").asLong()).containsExactly(4L);
    assertThat(runs.get("runs").get(0).get("trigger").asText()).isEqualTo("rerun");
    // the date is read in the job's schedule_time_zone (America/Los_Angeles: UTC-8 in January)
    assertThat(jobs.reruns)
        .containsExactly("nightly Optional[2026-01-01T08:00:00Z] Optional[GRAPH] true");

    json(post("/v1/services/batch/nightly/runs", "{}", TOKEN), 201);
    json(post("/v1/services/batch/nightly/runs", "", TOKEN), 201);
    json(
        post(
            "/v1/services/batch/nightly/runs",
            "{\"execution_date\": null, \"rerun_type\": null}",
            TOKEN),
        201);
    assertThat(jobs.reruns)
        .endsWith(
            "nightly Optional.empty Optional.empty false",
            "nightly Optional.empty Optional.empty false",
            "nightly Optional.empty Optional.empty false");
  }

  @Test
  void aRefusedRerunIsA400WithTheSchedulersMessage() throws Exception {
    nightlyRunningWithHistory();
    jobs.refuseWith =
        Optional.of(
            "\"nightly\" uses time variables interpolation, please supply a --execution_date"
                + " argument");
    start(jobs);

    assertThat(problem(post("/v1/services/batch/nightly/runs", "{}", TOKEN), 400))
        .isEqualTo(jobs.refuseWith.get());
  }

  @Test
  void aBadRerunBodyIsA400NamingTheField() throws Exception {
    nightlyRunningWithHistory();
    start(jobs);
    String path = "/v1/services/batch/nightly/runs";

    assertThat(problem(post(path, "{\"execution_date\": \"yesterday\"}", TOKEN), 400))
        .contains("'execution_date'")
        .contains("YYYY-MM-DDTHH:MM:SS")
        .contains("yesterday");
    assertThat(problem(post(path, "{\"rerun_type\": \"all\"}", TOKEN), 400))
        .contains("'rerun_type'")
        .contains("\"graph\"");
    assertThat(problem(post(path, "{\"force_disabled\": \"yes\"}", TOKEN), 400))
        .contains("'force_disabled'");
    assertThat(problem(post(path, "{\"date\": 1}", TOKEN), 400)).contains("unknown field 'date'");
    assertThat(jobs.reruns).isEmpty();
  }

  @Test
  void withoutASchedulerAJobAnswers503SayingSoAndAReruns400() throws Exception {
    start(new NoScheduler());
    assertThat(problem(get("/v1/services/batch/nightly/status"), 503))
        .contains("batch.nightly is a job of chronos-norcal.yaml")
        .contains("is this daemon running its scheduler?");
    assertThat(problem(get("/v1/services/batch/nightly/runs"), 503)).contains("batch.nightly");
  }
}
