package io.paasta.server.adhoc;

import io.paasta.planning.adhoc.AdhocChores;
import io.paasta.planning.adhoc.AdhocLaunch;
import io.paasta.planning.adhoc.AdhocRun;
import io.paasta.planning.backend.AdhocRunner;
import io.paasta.planning.backend.BackendException;
import io.paasta.server.DaemonLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster's {@code paasta remote-run}s on the backend's adhoc runner: starts and stops them,
 * each logged with who asked, and on every {@link #sweep} stops those past their time limit (saying
 * so) and removes those exited longer ago than they are kept. The runs and their deadlines live on
 * the engine, so a restarted daemon sweeps the runs of the one before; who stopped a run is kept
 * only while the daemon runs.
 */
public final class RemoteRuns {
  /** How long an exited run stays readable (exit code, output). */
  public static final Duration KEPT = Duration.ofHours(1);

  private final AdhocRunner runner;
  private final DaemonLog log;
  private final Clock clock;
  private final Map<String, String> stoppedBy = new ConcurrentHashMap<>();

  public RemoteRuns(AdhocRunner runner, DaemonLog log, Clock clock) {
    this.runner = runner;
    this.log = log;
    this.clock = clock;
  }

  /**
   * @throws BackendException when the backend cannot start it
   */
  public AdhocRun start(AdhocLaunch launch) {
    AdhocRun run = runner.start(launch);
    log.info(
        subject(run),
        "remote-run "
            + run.runId()
            + " started by "
            + launch.by()
            + ": "
            + (run.command().isEmpty() ? "the image's command" : run.command())
            + " (time limit "
            + run.limit().toSeconds()
            + " s)");
    return run;
  }

  public List<AdhocRun> list() {
    return runner.list();
  }

  public Optional<AdhocRun> find(String runId) {
    return runner.find(runId);
  }

  public List<String> output(String runId, int lines) {
    return runner.output(runId, lines);
  }

  /** Stops a running run, saying who did; the run as it is after. */
  public Optional<AdhocRun> stop(String runId, String by) {
    Optional<AdhocRun> run = runner.find(runId);
    if (run.isEmpty() || !run.get().running()) {
      return run;
    }
    stoppedBy.put(runId, by);
    runner.stop(runId);
    log.info(subject(run.get()), "remote-run " + runId + " stopped by " + by);
    return runner.find(runId);
  }

  /**
   * Why the run ended when it did not end by itself: past its time limit, or stopped by someone;
   * empty while it runs or when it exited by itself.
   */
  public Optional<String> stopReason(AdhocRun run) {
    if (run.running()) {
      return Optional.empty();
    }
    if (run.stoppedForTimeLimit()) {
      return Optional.of(
          "stopped: past its time limit of " + run.limit().toSeconds() + " s (-m/--max-seconds)");
    }
    return Optional.ofNullable(stoppedBy.get(run.runId())).map(by -> "stopped by " + by);
  }

  /** Stops the runs past their time limit and removes the exited ones no longer kept. */
  public void sweep() {
    AdhocChores chores = AdhocChores.of(runner.list(), clock.instant(), KEPT);
    for (AdhocRun run : chores.overdue()) {
      try {
        runner.stop(run.runId());
        log.warn(
            subject(run),
            "remote-run "
                + run.runId()
                + " stopped: past its time limit of "
                + run.limit().toSeconds()
                + " s");
      } catch (BackendException e) {
        log.warn(subject(run), "remote-run " + run.runId() + " could not be stopped: " + e);
      }
    }
    for (AdhocRun run : chores.expired()) {
      try {
        runner.remove(run.runId());
        stoppedBy.remove(run.runId());
      } catch (BackendException e) {
        log.warn(subject(run), "remote-run " + run.runId() + " could not be removed: " + e);
      }
    }
  }

  private static String subject(AdhocRun run) {
    return run.ref().service() + "." + run.ref().instance();
  }
}
