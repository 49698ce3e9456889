package io.paasta.cli.deploywait;

import io.paasta.cli.api.InstanceTarget;
import io.paasta.cli.output.Markup;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Waits for a deploy group to run a commit: its instances in every cluster that has an API (the
 * others are named and skipped), through a {@link DeploymentWaiter}. Says what it does in notes;
 * the caller decides what a timeout means (exit 1, a failed pipeline step, a rollback).
 */
public final class DeployGroupWait {
  /** How a wait ended. */
  public enum Outcome {
    /** Every instance runs the commit. */
    DONE,
    /** The deploy group has no long-running instance. */
    NOTHING_TO_WAIT_FOR,
    /** The timeout passed first. */
    TIMED_OUT,
    /** The deploy group has instances, but none in a cluster with an API. */
    CANNOT_WAIT
  }

  /** The outcome and a sentence saying it. */
  public record Result(Outcome outcome, String summary, Optional<WaitResult> waited) {
    public boolean ok() {
      return outcome == Outcome.DONE || outcome == Outcome.NOTHING_TO_WAIT_FOR;
    }
  }

  private final Predicate<String> hasApi;
  private final String apiSource;
  private final DeploymentWaiter waiter;
  private final Consumer<String> notes;

  /**
   * @param hasApi whether a cluster has an API endpoint
   * @param apiSource where endpoints are configured, for messages
   * @param notes receives lines (picocli markup) saying what the wait does
   */
  public DeployGroupWait(
      Predicate<String> hasApi, String apiSource, DeploymentWaiter waiter, Consumer<String> notes) {
    this.hasApi = hasApi;
    this.apiSource = apiSource;
    this.waiter = waiter;
    this.notes = notes;
  }

  public Result await(
      String deployGroup, List<InstanceTarget> targets, String commit, Duration timeout) {
    String sha = commit.length() > 8 ? commit.substring(0, 8) : commit;
    if (targets.isEmpty()) {
      String summary =
          "deploy group " + deployGroup + " has no long-running instances: nothing to wait for";
      notes.accept(Markup.plain(summary));
      return new Result(Outcome.NOTHING_TO_WAIT_FOR, summary, Optional.empty());
    }
    List<String> withoutApi =
        targets.stream().map(InstanceTarget::cluster).distinct().filter(hasApi.negate()).toList();
    withoutApi.forEach(
        cluster ->
            notes.accept(
                Markup.style(
                    "yellow",
                    "not waiting for cluster "
                        + cluster
                        + ": it has no entry in api_endpoints ("
                        + apiSource
                        + ")")));
    List<InstanceTarget> reachable =
        targets.stream().filter(t -> !withoutApi.contains(t.cluster())).toList();
    if (reachable.isEmpty()) {
      return new Result(
          Outcome.CANNOT_WAIT,
          "cannot wait for deploy group "
              + deployGroup
              + ": none of its clusters ("
              + String.join(", ", withoutApi)
              + ") has an API endpoint in api_endpoints ("
              + apiSource
              + ")",
          Optional.empty());
    }
    notes.accept(
        Markup.plain(
            "Waiting for deploy group "
                + deployGroup
                + " to run "
                + sha
                + " ("
                + reachable.size()
                + (reachable.size() == 1 ? " instance" : " instances")
                + ", timeout "
                + seconds(timeout)
                + ")"));
    WaitResult result = waiter.await(reachable, commit, timeout);
    if (result.done()) {
      String summary =
          "deploy group " + deployGroup + " runs " + sha + " (" + seconds(result.took()) + ")";
      notes.accept(Markup.style("green", "\u2713 " + summary));
      return new Result(Outcome.DONE, summary, Optional.of(result));
    }
    return new Result(
        Outcome.TIMED_OUT,
        "timed out after "
            + seconds(timeout)
            + " waiting for deploy group "
            + deployGroup
            + " to run "
            + sha
            + ": "
            + result.describeLaggards(),
        Optional.of(result));
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 || millis >= 10_000
        ? millis / 1000 + "s"
        : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
  }
}
