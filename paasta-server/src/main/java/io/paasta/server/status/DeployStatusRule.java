package io.paasta.server.status;

import io.paasta.model.DesiredState;
import io.paasta.planning.CrashBackoff;
import io.paasta.planning.HappinessRule;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.ObservedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides an instance's {@code deploy_status} from what should run, what runs, and the last pass.
 * Pure: the first rule that applies wins.
 *
 * <ol>
 *   <li>no deployment for the deploy group: NotRunning;
 *   <li>desired_state stop, or no task wanted: Stopped (whatever still drains);
 *   <li>fewer running tasks of the desired app than expected and the last pass (for this app)
 *       failed: Waiting (the image is missing, the engine refused a start);
 *   <li>fewer live tasks than expected and crash-loop backoff holds the launch: Delayed;
 *   <li>tasks of another app alive, or happy/running tasks of the desired app not exactly as
 *       expected: Deploying;
 *   <li>otherwise Running.
 * </ol>
 */
public final class DeployStatusRule {
  private DeployStatusRule() {}

  /** What the rule needs of the desired app. */
  public record Target(
      String appId,
      int instances,
      HappinessRule happiness,
      double backoffFactor,
      Duration maxLaunchDelay) {
    public static Target of(DesiredInstance desired) {
      return new Target(
          desired.appId(),
          desired.instances(),
          HappinessRule.of(desired),
          desired.backoffFactor(),
          desired.maxLaunchDelay());
    }
  }

  /**
   * @param target the desired app; empty when the deploy group has no deployment
   * @param deployGroup the instance's deploy group (named when not deployed)
   * @param lastPass the daemon's last pass over the instance, if any
   */
  public record Input(
      Optional<Target> target,
      String deployGroup,
      DesiredState desiredState,
      List<ObservedTask> tasks,
      Optional<InstanceStatus> lastPass,
      Instant now) {
    public Input {
      tasks = List.copyOf(tasks);
    }
  }

  /** The status, the counts it was decided from, and what to tell the user, if anything. */
  public record Verdict(DeployStatus status, TaskCounts counts, Optional<String> errorMessage) {}

  public static Verdict evaluate(Input input) {
    if (input.target().isEmpty()) {
      return new Verdict(
          DeployStatus.NOT_RUNNING,
          TaskCounts.withoutDesiredApp(input.tasks()),
          Optional.of(notDeployed(input.deployGroup())));
    }
    Target target = input.target().get();
    TaskCounts counts =
        TaskCounts.of(input.tasks(), target.appId(), target.happiness(), input.now());
    Optional<String> passError =
        input
            .lastPass()
            .filter(pass -> pass.appId().equals(Optional.of(target.appId())))
            .flatMap(InstanceStatus::error);
    if (input.desiredState() == DesiredState.STOP || target.instances() <= 0) {
      return new Verdict(DeployStatus.STOPPED, counts, passError);
    }
    if (counts.running() < target.instances() && passError.isPresent()) {
      return new Verdict(DeployStatus.WAITING, counts, passError);
    }
    Optional<CrashBackoff.Delay> backoff = backoff(input, target, counts);
    if (backoff.isPresent()) {
      return new Verdict(DeployStatus.DELAYED, counts, Optional.of(delayed(backoff.get())));
    }
    boolean settled =
        !counts.bouncing()
            && counts.running() == target.instances()
            && counts.healthy() == target.instances();
    return new Verdict(settled ? DeployStatus.RUNNING : DeployStatus.DEPLOYING, counts, passError);
  }

  private static Optional<CrashBackoff.Delay> backoff(
      Input input, Target target, TaskCounts counts) {
    if (counts.running() >= target.instances()) {
      return Optional.empty();
    }
    List<ObservedTask> ofApp =
        input.tasks().stream().filter(t -> t.appId().equals(target.appId())).toList();
    return CrashBackoff.delay(ofApp, target.backoffFactor(), target.maxLaunchDelay(), input.now());
  }

  static String notDeployed(String deployGroup) {
    return "not deployed: deploy group '"
        + deployGroup
        + "' has no deployment yet (deploy a version with `paasta mark-for-deployment -l "
        + deployGroup
        + "`)";
  }

  private static String delayed(CrashBackoff.Delay delay) {
    long seconds = (delay.remaining().toMillis() + 999) / 1000;
    return "crash-looping: "
        + delay.failures()
        + " exit(s) in a row; the next launch waits "
        + seconds
        + "s (backoff)";
  }
}
