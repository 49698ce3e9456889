package io.paasta.cli.deploywait;

import io.paasta.cli.UserException;
import io.paasta.cli.api.ApiException;
import io.paasta.cli.api.InstanceTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Polls the status of a deploy's instances until each runs the commit ({@link DeploymentProgress})
 * or the timeout passes. Each poll asks every instance not yet done, in parallel, and shows the
 * progress of all; a done instance is not asked again.
 */
public final class DeploymentWaiter {
  /** How the waiter passes the time between polls (tests advance a fake clock instead). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(Math.max(1, duration.toMillis()));
  }

  private final StatusSource source;
  private final ProgressDisplay display;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration pollInterval;

  public DeploymentWaiter(
      StatusSource source,
      ProgressDisplay display,
      Clock clock,
      Sleeper sleeper,
      Duration pollInterval) {
    this.source = source;
    this.display = display;
    this.clock = clock;
    this.sleeper = sleeper;
    this.pollInterval = pollInterval;
  }

  public WaitResult await(List<InstanceTarget> targets, String commit, Duration timeout) {
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    Map<InstanceTarget, InstanceProgress> progress = new LinkedHashMap<>();
    targets.forEach(t -> progress.put(t, DeploymentProgress.unknown(t)));
    ExecutorService pool = newPool();
    try {
      while (true) {
        poll(progress, commit, pool);
        List<InstanceProgress> now = List.copyOf(progress.values());
        display.show(now);
        boolean done = now.stream().allMatch(InstanceProgress::done);
        Duration left = Duration.between(clock.instant(), deadline);
        if (done || left.isNegative() || left.isZero()) {
          return new WaitResult(done, now, Duration.between(start, clock.instant()));
        }
        sleep(left.compareTo(pollInterval) < 0 ? left : pollInterval);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void poll(
      Map<InstanceTarget, InstanceProgress> progress, String commit, ExecutorService pool) {
    List<CompletableFuture<InstanceProgress>> answers = new ArrayList<>();
    for (InstanceProgress instance : progress.values()) {
      if (!instance.done()) {
        InstanceTarget target = instance.target();
        answers.add(CompletableFuture.supplyAsync(() -> ask(target, commit), pool));
      }
    }
    answers.stream().map(CompletableFuture::join).forEach(p -> progress.put(p.target(), p));
  }

  private InstanceProgress ask(InstanceTarget target, String commit) {
    try {
      return DeploymentProgress.of(target, source.status(target), commit);
    } catch (ApiException e) {
      return DeploymentProgress.unanswered(target, e);
    } catch (RuntimeException e) {
      return new InstanceProgress(target, false, "no answer: " + e);
    }
  }

  private void sleep(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while waiting for the deploy");
    }
  }

  private static ExecutorService newPool() {
    return Executors.newCachedThreadPool(
        task -> {
          Thread thread = new Thread(task, "paasta-wait");
          thread.setDaemon(true);
          return thread;
        });
  }
}
