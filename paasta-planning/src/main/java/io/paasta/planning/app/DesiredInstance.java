package io.paasta.planning.app;

import io.paasta.model.BounceMethod;
import io.paasta.model.DrainMethod;
import io.paasta.model.Immutables;
import io.paasta.model.InstanceRef;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What one long-running instance should be, as the planner needs it: the app that should run (its
 * id and run spec), how many tasks, and how to replace other apps.
 *
 * @param appId {@code <service>.<instance>.git<sha8>.config<hash8>} with '_' written as '--'
 * @param instances the desired task count: 0 when stopped
 * @param minTaskUptime a task counts as happy only after this long (bounce_health_params)
 * @param checkHaproxy whether happy also needs UP in the local HAProxy (SmartStack)
 * @param drainMethodParams drain_method_params as written (null values kept)
 * @param backoffFactor the launch delay after {@code n} recent crashes is {@code
 *     min(backoffFactor^(n-1) seconds, maxLaunchDelay)} (see {@code CrashBackoff})
 */
public record DesiredInstance(
    InstanceRef ref,
    String appId,
    String gitSha,
    String configHash,
    RunSpec run,
    int instances,
    BounceMethod bounceMethod,
    double bounceMarginFactor,
    DrainMethod drainMethod,
    Map<String, Object> drainMethodParams,
    Optional<Duration> minTaskUptime,
    boolean checkHaproxy,
    double backoffFactor,
    Duration maxLaunchDelay) {

  public DesiredInstance {
    drainMethodParams = Immutables.deepCopy(drainMethodParams);
  }
}
