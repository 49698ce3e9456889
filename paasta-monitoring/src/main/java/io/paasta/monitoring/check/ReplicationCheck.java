package io.paasta.monitoring.check;

import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code check_marathon_services_replication.<svc.inst>} (SPEC section 8). For a SmartStack
 * instance, per discover location: available = UP backends, CRITICAL when any location is under
 * {@code replication_threshold} percent of {@code int(expected / locations)}. Otherwise: tasks of
 * any app of the instance that run, pass their health check, are not draining and have been up more
 * than a minute, against expected with the same threshold. A Kubernetes instance ({@code
 * kubernetes-<cluster>.yaml}) is {@code check_kubernetes_services_replication.<svc>.<inst>} and
 * counts its ready replicas (readiness already includes the probe's delay: no minimum uptime).
 */
public final class ReplicationCheck {
  private ReplicationCheck() {}

  public static CheckResult evaluate(InstanceSnapshot s, Instant now, CheckSettings settings) {
    String name = CheckKind.REPLICATION.checkName(s.ref());
    String who = s.ref().serviceInstance().toString();
    return s.smartstack()
        .map(backends -> smartstack(name, who, s, backends))
        .orElseGet(
            () ->
                s.ref().kind().isKubernetes()
                    ? replicas(name, who, s)
                    : tasks(name, who, s, now, settings.minTaskUptime()));
  }

  /**
   * A Kubernetes instance (SPEC section 14): its ready replicas (running pods that pass their
   * readiness probe, not terminating) against expected: {@code <svc>.<inst> has <ready>/<expected>
   * replicas available (threshold: <pct>%)}.
   */
  private static CheckResult replicas(String name, String who, InstanceSnapshot s) {
    int ready = 0;
    for (ObservedTask task : s.tasks()) {
      if (task.state() == TaskState.RUNNING
          && task.health() == HealthState.HEALTHY
          && task.drain() == DrainState.NOT_DRAINING) {
        ready++;
      }
    }
    boolean under = ReplicationRule.underReplicated(ready, s.expected(), s.replicationThreshold());
    String output =
        who
            + " has "
            + ready
            + "/"
            + s.expected()
            + " replicas available (threshold: "
            + ReplicationRule.threshold(s.replicationThreshold())
            + ")";
    return new CheckResult(
        name, CheckKind.REPLICATION, under ? CheckStatus.CRITICAL : CheckStatus.OK, output);
  }

  private static CheckResult tasks(
      String name, String who, InstanceSnapshot s, Instant now, Duration minUptime) {
    int available = 0;
    for (ObservedTask task : s.tasks()) {
      if (countsAsAvailable(task, now, minUptime)) {
        available++;
      }
    }
    boolean under =
        ReplicationRule.underReplicated(available, s.expected(), s.replicationThreshold());
    String output =
        "Service "
            + who
            + " has "
            + available
            + " out of "
            + s.expected()
            + " expected instances available (threshold: "
            + ReplicationRule.threshold(s.replicationThreshold())
            + ")";
    return new CheckResult(
        name, CheckKind.REPLICATION, under ? CheckStatus.CRITICAL : CheckStatus.OK, output);
  }

  /** Running, healthy, not draining, and up for more than {@code minUptime}. */
  static boolean countsAsAvailable(ObservedTask task, Instant now, Duration minUptime) {
    return task.state() == TaskState.RUNNING
        && task.health() == HealthState.HEALTHY
        && task.drain() == DrainState.NOT_DRAINING
        && task.startedAt().map(started -> started.plus(minUptime).isBefore(now)).orElse(false);
  }

  private static CheckResult smartstack(
      String name, String who, InstanceSnapshot s, Map<String, Integer> backends) {
    if (backends.isEmpty()) {
      return new CheckResult(
          name,
          CheckKind.REPLICATION,
          CheckStatus.CRITICAL,
          "Service "
              + who
              + " has no SmartStack replication info: is the discover key of its namespace in"
              + " smartstack.yaml valid?");
    }
    int perLocation = ReplicationRule.expectedPerLocation(s.expected(), backends.size());
    List<String> critical = new ArrayList<>();
    List<String> ok = new ArrayList<>();
    backends.forEach(
        (location, up) -> {
          boolean under =
              ReplicationRule.underReplicated(up, perLocation, s.replicationThreshold());
          String line =
              up
                  + " out of "
                  + perLocation
                  + " expected instances in "
                  + location
                  + (under ? " (CRITICAL: " : " (OK: ")
                  + ReplicationRule.percent(ReplicationRule.ratio(up, perLocation))
                  + ")";
          (under ? critical : ok).add(line);
        });
    List<String> all = new ArrayList<>(critical);
    all.addAll(ok);
    String output =
        "Service "
            + who
            + " has "
            + String.join("; ", all)
            + " (threshold: "
            + ReplicationRule.threshold(s.replicationThreshold())
            + ")";
    return new CheckResult(
        name,
        CheckKind.REPLICATION,
        critical.isEmpty() ? CheckStatus.OK : CheckStatus.CRITICAL,
        output);
  }
}
