package io.paasta.monitoring.check;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code setup_marathon_job.<svc.inst>}: the deploy of an instance. CRITICAL when the last pass
 * failed, or when a bounce has been in progress longer than {@link CheckSettings#deployStuckAfter};
 * OK otherwise.
 */
public final class DeployCheck {
  private DeployCheck() {}

  public static CheckResult evaluate(InstanceSnapshot s, Instant now, CheckSettings settings) {
    String name = CheckKind.DEPLOY.checkName(s.ref());
    String who = s.ref().serviceInstance().toString();
    DeployProgress deploy = s.deploy();
    if (deploy.error().isPresent()) {
      return new CheckResult(
          name,
          CheckKind.DEPLOY,
          CheckStatus.CRITICAL,
          "Deploy of " + who + " failed: " + deploy.error().get());
    }
    if (deploy.bouncingSince().isPresent()) {
      Duration elapsed = Duration.between(deploy.bouncingSince().get(), now);
      boolean stuck = elapsed.compareTo(settings.deployStuckAfter()) > 0;
      String output =
          "Bounce of "
              + who
              + (stuck ? " has not converged after " : " in progress for ")
              + HumanDuration.format(elapsed)
              + " (limit "
              + HumanDuration.format(settings.deployStuckAfter())
              + "): "
              + deploy.summary();
      return new CheckResult(
          name, CheckKind.DEPLOY, stuck ? CheckStatus.CRITICAL : CheckStatus.OK, output);
    }
    return new CheckResult(
        name, CheckKind.DEPLOY, CheckStatus.OK, who + " is deployed: " + deploy.summary());
  }
}
