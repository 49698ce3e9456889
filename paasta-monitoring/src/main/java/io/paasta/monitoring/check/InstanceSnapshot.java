package io.paasta.monitoring.check;

import io.paasta.model.InstanceRef;
import io.paasta.model.MonitoringConfig;
import io.paasta.planning.observed.ObservedTask;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the checks of one long-running instance look at, gathered by the daemon in one pass. Plain
 * data: the checks are pure functions of it and of the time.
 *
 * @param monitoring the instance's resolved monitoring config (routing and alert timing)
 * @param expected the desired task count (0 when stopped); for SmartStack, the count expected in
 *     the namespace over all locations
 * @param replicationThreshold {@code replication_threshold}, percent (PaaSTA's default 50)
 * @param tasks every task the engine has for the instance, of every app (old and new, exited ones
 *     included: an exited task is one that exited by itself)
 * @param smartstack for an instance in SmartStack, the UP backends in HAProxy per discover location
 *     (e.g. {@code region:uswest1-prod -> 3}); empty for an instance that is not in SmartStack. A
 *     present but empty map means discovery knows no location: CRITICAL.
 * @param deploy how the instance's deploy is going
 * @param oomKills when tasks of the instance were killed by the kernel's OOM killer (Docker's
 *     {@code OOMKilled}); older entries are ignored by the check's window
 */
public record InstanceSnapshot(
    InstanceRef ref,
    MonitoringConfig monitoring,
    int expected,
    double replicationThreshold,
    List<ObservedTask> tasks,
    Optional<Map<String, Integer>> smartstack,
    DeployProgress deploy,
    List<Instant> oomKills,
    Optional<AutoscalerSnapshot> autoscaler) {

  /** An instance the autoscaler does not scale. */
  public InstanceSnapshot(
      InstanceRef ref,
      MonitoringConfig monitoring,
      int expected,
      double replicationThreshold,
      List<ObservedTask> tasks,
      Optional<Map<String, Integer>> smartstack,
      DeployProgress deploy,
      List<Instant> oomKills) {
    this(
        ref,
        monitoring,
        expected,
        replicationThreshold,
        tasks,
        smartstack,
        deploy,
        oomKills,
        Optional.empty());
  }

  public InstanceSnapshot {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(monitoring, "monitoring");
    Objects.requireNonNull(deploy, "deploy");
    tasks = List.copyOf(tasks);
    smartstack = smartstack.map(m -> java.util.Collections.unmodifiableMap(new TreeMap<>(m)));
    oomKills = List.copyOf(oomKills);
    Objects.requireNonNull(autoscaler, "autoscaler");
  }
}
