package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.Container;
import com.sun.net.httpserver.HttpServer;
import io.paasta.server.cli.ServerMain;
import io.paasta.server.jobs.JobScheduler;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon SIGKILLed around a scheduled run, on the wall clock: {@code paasta server} ({@link
 * ServerMain}) in a child process of its own with its SQLite state directory, killed with {@link
 * Process#destroyForcibly()} (SIGKILL) just before a run's time, during the run, and just after the
 * run's container exited; restarted over the same state directory. Read through the API ({@code GET
 * /v1/services/{s}/{i}/runs}) and the engine's containers (labels {@code paasta_job_run_id}, {@code
 * paasta_job_attempt}): each scheduled time runs once, a running run is adopted (same run, same
 * container), a finished run is recorded once, and the history from before a kill is kept.
 */
class JobDaemonKillIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** Longer than the scheduler's longest wait between passes. */
  private static final Duration A_PASS_MORE = JobScheduler.SAFETY_POLL.plusSeconds(1);

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private final String service = TestInfrastructure.randomService("it-job");
  private final String cluster = "it" + TestInfrastructure.randomSha().substring(0, 8);
  private ServerProcess server;
  private ApiClient api;
  private Process daemon;

  @BeforeEach
  void aCluster() throws IOException {
    server = new ServerProcess(tmp, IMAGE, service, cluster, "");
    api = server.api();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private void write(String file, String text) throws IOException {
    server.write(file, text);
  }

  /** {@code paasta server} in a process of its own; returns once its API answers. */
  private void startDaemon() throws IOException {
    daemon = server.start(5, "--api-listen", "127.0.0.1:" + server.port());
  }

  /** SIGKILL, as {@code kill -9} of the daemon would. */
  private void killDaemon() throws InterruptedException {
    daemon.destroyForcibly();
    assertThat(daemon.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.exitValue()).isEqualTo(137); // 128 + SIGKILL
  }

  /**
   * Writes the job {@code job} (one-shot at {@code at}, epsilon 2 minutes) and waits until the
   * daemon knows it.
   */
  private void job(String job, Instant at, String cmd) throws IOException {
    String existing = Files.exists(chronosFile()) ? Files.readString(chronosFile()) : "";
    write(
        "chronos-" + cluster + ".yaml",
        existing
            + job
            + ":\n  schedule: \"R1/"
            + at
            + "/PT1M\"\n  epsilon: PT2M\n  cmd: \""
            + cmd
            + "\"\n  deploy_group: prod\n");
    untilKnown(job);
  }

  /** Waits until the daemon knows the job (its status answers). */
  private void untilKnown(String job) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> api.get(path(job, "status")).status() == 200);
  }

  private Path chronosFile() {
    return server.soa().resolve(service).resolve("chronos-" + cluster + ".yaml");
  }

  private String path(String job, String what) {
    return "/v1/services/" + service + "/" + job + "/" + what;
  }

  /** The job's runs as the API lists them, newest first. */
  private List<JsonNode> runs(String job) {
    List<JsonNode> runs = new ArrayList<>();
    api.json(path(job, "runs?limit=50")).get("runs").forEach(runs::add);
    return runs;
  }

  /** Waits until the job's newest run is finished; returns every run of the job then. */
  private List<JsonNode> untilFinished(String job) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () -> {
              List<JsonNode> runs = runs(job);
              return !runs.isEmpty() && !runs.get(0).get("state").asText().equals("running");
            });
    return runs(job);
  }

  private List<Container> containers() {
    return server.containers().all();
  }

  /** The containers of the job's attempts. */
  private List<Container> containersOf(String job) {
    return containers().stream()
        .filter(c -> job.equals(c.getLabels().get("paasta_instance")))
        .filter(c -> c.getLabels().containsKey("paasta_job_run_id"))
        .toList();
  }

  private long exitCode(Container container) {
    return IMAGE
        .docker()
        .inspectContainerCmd(container.getId())
        .exec()
        .getState()
        .getExitCodeLong();
  }

  private static Instant secondsAhead(long seconds) {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds);
  }

  /** A run, in its one attempt's single container, that succeeded. */
  private void ranOnceAndSucceeded(String job, Instant at, List<JsonNode> runs) {
    assertThat(runs).hasSize(1);
    JsonNode run = runs.get(0);
    assertThat(run.get("execution_date").asText()).isEqualTo(at.toString());
    assertThat(run.get("state").asText()).isEqualTo("succeeded");
    assertThat(run.get("exit_code").asInt()).isZero();
    assertThat(run.get("attempts").asInt()).isEqualTo(1);
    List<Container> attempts = containersOf(job);
    assertThat(attempts).hasSize(1);
    assertThat(attempts.get(0).getLabels())
        .containsEntry("paasta_job_run_id", run.get("run_id").asText())
        .containsEntry("paasta_job_attempt", "1")
        .containsEntry("paasta_job_execution_date", at.toString());
    assertThat(exitCode(attempts.get(0))).isZero();
  }

  @Test
  void killedJustBeforeARunsTimeTheRunHappensOnceAfterTheRestartAndTheHistoryStays()
      throws Exception {
    startDaemon();
    Instant earlier = secondsAhead(1);
    job("earlier", earlier, "echo earlier");
    List<JsonNode> before = untilFinished("earlier");
    ranOnceAndSucceeded("earlier", earlier, before);
    Instant at = secondsAhead(6);
    job("soon", at, "echo soon");
    await().until(() -> !Instant.now().isBefore(at.minusMillis(1500)));
    assertThat(runs("soon")).isEmpty();

    killDaemon();
    assertThat(containersOf("soon")).isEmpty(); // nothing ran while the daemon was gone
    startDaemon();

    ranOnceAndSucceeded("soon", at, untilFinished("soon"));
    assertThat(runs("earlier")).isEqualTo(before); // the history from before the kill
    Thread.sleep(A_PASS_MORE.toMillis()); // a pass more: still one run of each
    assertThat(runs("soon")).hasSize(1);
    assertThat(containersOf("earlier")).hasSize(1);
  }

  @Test
  void killedDuringARunTheRunIsAdoptedAndRecordedOnce() throws Exception {
    try (Gate gate = new Gate()) {
      startDaemon();
      Instant at = secondsAhead(2);
      job("during", at, gate.cmd());
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(
              () ->
                  runs("during").get(0).get("state").asText().equals("running")
                      && "running".equals(containersOf("during").get(0).getState()));
      JsonNode running = runs("during").get(0);
      Container attempt = containersOf("during").get(0);
      assertThat(attempt.getLabels())
          .containsEntry("paasta_job_run_id", running.get("run_id").asText())
          .containsEntry("paasta_job_attempt", "1");

      killDaemon();
      startDaemon();

      // once the new daemon knows the job and made a pass: the run still running in the same
      // container, and no other started
      untilKnown("during");
      Thread.sleep(A_PASS_MORE.toMillis());
      assertThat(runs("during").get(0).get("state").asText()).isEqualTo("running");
      assertThat(runs("during")).hasSize(1);
      assertThat(runs("during").get(0).get("run_id")).isEqualTo(running.get("run_id"));
      assertThat(containersOf("during"))
          .extracting(Container::getId)
          .containsExactly(attempt.getId());
      assertThat(IMAGE.docker().inspectContainerCmd(attempt.getId()).exec().getState().getRunning())
          .isTrue();

      gate.open();
      List<JsonNode> runs = untilFinished("during");
      ranOnceAndSucceeded("during", at, runs);
      assertThat(runs.get(0).get("run_id")).isEqualTo(running.get("run_id")); // adopted
      assertThat(containersOf("during").get(0).getId()).isEqualTo(attempt.getId());
      assertThat(IMAGE.docker().inspectContainerCmd(attempt.getId()).exec().getRestartCount())
          .isZero();
    }
  }

  @Test
  void killedJustAfterARunEndedTheRunIsRecordedOnceNotRunAgain() throws Exception {
    startDaemon();
    Instant at = secondsAhead(2);
    job("after", at, "sleep 3; echo done");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> containersOf("after").stream().anyMatch(c -> "running".equals(c.getState())));
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> containersOf("after").stream().allMatch(c -> "exited".equals(c.getState())));

    killDaemon(); // the daemon may or may not have recorded the end
    startDaemon();

    ranOnceAndSucceeded("after", at, untilFinished("after"));
    Thread.sleep(A_PASS_MORE.toMillis());
    assertThat(runs("after")).hasSize(1);
    assertThat(containersOf("after")).hasSize(1);
  }

  /**
   * What a job's cmd waits for: an HTTP answer from the test (containers use the host's network),
   * held until {@link #open}.
   */
  private static final class Gate implements AutoCloseable {
    private final CountDownLatch opened = new CountDownLatch(1);
    private final ExecutorService answering = Executors.newCachedThreadPool();
    private final HttpServer server;

    Gate() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try {
              opened.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.setExecutor(answering);
      server.start();
    }

    /** A cmd that waits for the gate, then exits 0. */
    String cmd() {
      return "until wget -q -O /dev/null http://127.0.0.1:"
          + server.getAddress().getPort()
          + "/; do sleep 0.2; done; echo released";
    }

    void open() {
      opened.countDown();
    }

    @Override
    public void close() {
      opened.countDown();
      server.stop(0);
      answering.shutdownNow();
    }
  }
}
