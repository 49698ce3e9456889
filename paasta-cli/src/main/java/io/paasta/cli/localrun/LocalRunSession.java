package io.paasta.cli.localrun;

import io.paasta.backend.docker.localrun.FollowedOutput;
import io.paasta.backend.docker.localrun.SingleTaskRunner;
import io.paasta.model.Healthcheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local-run container on the engine, in the foreground or only until its health check's
 * verdict, and removes it afterwards in every case (also on Ctrl-C).
 */
public final class LocalRunSession {
  /** Lines of the container's output shown when its health check failed. */
  static final int TAIL_LINES = 20;

  private final SingleTaskRunner engine;
  private final HealthWatch watch;
  private final Reporter report;

  /** Where local-run's lines go. */
  public interface Reporter {
    /** A progress line ({@code ==> ...}). */
    void progress(String line);

    /** The health check's verdict (a line starting with ✓ or ✗). */
    void verdict(boolean passed, String line);

    /** A line of the container's stdout. */
    void stdout(String line);

    /** A line of the container's stderr. */
    void stderr(String line);
  }

  public LocalRunSession(SingleTaskRunner engine, HealthWatch watch, Reporter report) {
    this.engine = engine;
    this.watch = watch;
    this.report = report;
  }

  /**
   * {@code -t}: starts the container, waits for its health check's verdict, removes it.
   *
   * @return 0 when the check passed (or there is none and it runs), 1 otherwise
   */
  public int healthcheckOnly(LocalContainer container) {
    String id = create(container);
    try (ContainerGuard guard = guard(container, id)) {
      Instant started = engine.start(id);
      HealthVerdict verdict = awaitVerdict(container, id, started);
      if (!verdict.passed()) {
        List<String> tail = engine.tail(id, TAIL_LINES);
        report.progress(
            tail.isEmpty()
                ? "==> the container printed nothing"
                : "==> the container's last " + tail.size() + " line(s) of output:");
        tail.forEach(line -> report.progress("  | " + line));
      }
      report.progress("==> stopping and removing " + container.name());
      return verdict.passed() ? 0 : 1;
    }
  }

  /**
   * Runs the container in the foreground, its output streamed, its health check's verdict printed
   * when known, until it exits (or Ctrl-C stops it); then removes it.
   *
   * @return the container's exit code
   */
  public int foreground(LocalContainer container) throws InterruptedException {
    String id = create(container);
    try (ContainerGuard guard = guard(container, id)) {
      Instant started = engine.start(id);
      report.progress(
          "==> "
              + container.name()
              + " is running; try http://127.0.0.1:"
              + container.port0()
              + "/ (Ctrl-C stops and removes it)");
      FollowedOutput output = engine.follow(id, report::stdout, report::stderr);
      Thread checker = null;
      if (container.healthcheck().enabled()) {
        checker = new Thread(() -> awaitVerdict(container, id, started), "local-run-health");
        checker.setDaemon(true);
        checker.start();
      }
      OptionalInt exit = engine.awaitExit(id);
      output.awaitEnd(Duration.ofSeconds(5));
      output.close();
      if (checker != null) {
        checker.interrupt();
        checker.join(TimeUnit.SECONDS.toMillis(5));
      }
      report.progress(
          "==> "
              + container.name()
              + (exit.isPresent() ? " exited with code " + exit.getAsInt() : " was removed"));
      if (guard.removeNow()) {
        report.progress("==> removed " + container.name());
      }
      return exit.orElse(1);
    }
  }

  private HealthVerdict awaitVerdict(LocalContainer container, String id, Instant started) {
    Healthcheck check = container.healthcheck();
    if (check.enabled()) {
      report.progress("==> health check: " + HealthcheckText.describe(check, container.port0()));
    }
    HealthVerdict verdict =
        watch.await(id, check, container.port0(), started, () -> engine.isRunning(id));
    if (verdict.outcome() != HealthVerdict.Outcome.INTERRUPTED) {
      report.verdict(verdict.passed(), HealthcheckText.verdict(verdict, check, container.port0()));
    }
    return verdict;
  }

  private String create(LocalContainer container) {
    report.progress(
        "==> starting "
            + container.name()
            + " ("
            + container.image()
            + ") on port "
            + container.port0()
            + ", host networking");
    return engine.create(container.spec());
  }

  private ContainerGuard guard(LocalContainer container, String id) {
    return new ContainerGuard(container.name(), () -> engine.remove(id), report::progress);
  }
}
