package io.paasta.cli.jobs;

import io.paasta.cli.api.JobRunInfo;
import io.paasta.model.ServiceInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Waits for the runs a rerun launched, in one cluster: for each job of the rerun (in dependency
 * order) the first run that is new since the launch (not started by its schedule), until every one
 * succeeded, one ended otherwise (failed, killed, skipped: its children will not run), or the
 * timeout passes. Prints a line whenever a run's state changes.
 */
public final class RerunWaiter {
  /** How the waiter passes the time between polls (tests pass none). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());
  }

  /** How the wait ended. */
  public enum Outcome {
    SUCCEEDED,
    FAILED,
    TIMED_OUT
  }

  /** The outcome and, unless it succeeded, what went wrong. */
  public record Result(Outcome outcome, String summary) {
    public boolean ok() {
      return outcome == Outcome.SUCCEEDED;
    }
  }

  private final RunsSource source;
  private final Consumer<String> progress;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollInterval;

  public RerunWaiter(
      RunsSource source,
      Consumer<String> progress,
      Clock clock,
      Sleeper sleeper,
      Duration pollInterval) {
    this.source = source;
    this.progress = progress;
    this.clock = clock;
    this.sleeper = sleeper;
    this.pollInterval = pollInterval;
  }

  /** The run ids each job has now, before the launch: runs that are not the rerun's. */
  public Map<ServiceInstance, Set<String>> before(List<ServiceInstance> jobs) {
    Map<ServiceInstance, Set<String>> seen = new HashMap<>();
    for (ServiceInstance job : jobs) {
      seen.put(job, source.runs(job).stream().map(JobRunInfo::runId).collect(Collectors.toSet()));
    }
    return seen;
  }

  public Result await(
      List<ServiceInstance> jobs, Map<ServiceInstance, Set<String>> before, Duration timeout)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    Map<ServiceInstance, String> shown = new HashMap<>();
    while (true) {
      Map<ServiceInstance, Optional<JobRunInfo>> now = new LinkedHashMap<>();
      for (ServiceInstance job : jobs) {
        Optional<JobRunInfo> run = newRun(job, before.getOrDefault(job, Set.of()));
        now.put(job, run);
        run.ifPresent(r -> report(job, r, shown));
      }
      for (Map.Entry<ServiceInstance, Optional<JobRunInfo>> entry : now.entrySet()) {
        Optional<JobRunInfo> run = entry.getValue();
        if (run.isPresent() && run.get().ended() && !run.get().succeeded()) {
          return new Result(
              Outcome.FAILED,
              entry.getKey() + " run " + run.get().runId() + ": " + RunText.state(run.get()));
        }
      }
      if (now.values().stream().allMatch(r -> r.isPresent() && r.get().succeeded())) {
        return new Result(Outcome.SUCCEEDED, "");
      }
      if (!clock.instant().isBefore(deadline)) {
        String waiting =
            now.entrySet().stream()
                .filter(e -> e.getValue().isEmpty() || !e.getValue().get().succeeded())
                .map(
                    e ->
                        e.getKey()
                            + " ("
                            + e.getValue().map(RunText::state).orElse("not started")
                            + ")")
                .collect(Collectors.joining(", "));
        return new Result(
            Outcome.TIMED_OUT,
            "gave up waiting after " + timeout.toSeconds() + " s for " + waiting);
      }
      sleeper.sleep(pollInterval);
    }
  }

  private Optional<JobRunInfo> newRun(ServiceInstance job, Set<String> before) {
    List<JobRunInfo> runs = source.runs(job);
    JobRunInfo oldest = null;
    for (JobRunInfo run : runs) {
      if (!before.contains(run.runId()) && !"schedule".equals(run.trigger())) {
        oldest = run;
      }
    }
    return Optional.ofNullable(oldest);
  }

  private void report(ServiceInstance job, JobRunInfo run, Map<ServiceInstance, String> shown) {
    String line = job + " run " + run.runId() + ": " + RunText.state(run);
    if (!line.equals(shown.get(job))) {
      shown.put(job, line);
      progress.accept(line);
    }
  }
}
