package io.paasta.server;

import io.paasta.model.InstanceRef;
import io.paasta.planning.InstancePlanner;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Plan;
import io.paasta.server.desired.ClusterDesiredState;
import io.paasta.server.desired.ServiceConfigs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code paasta server --dry-run} and {@code paasta plan}: the plan the next pass would execute for
 * every instance (in soa-configs for this cluster, or with tasks on the engine), executing nothing.
 */
public final class DryRun {
  private final ServiceConfigs configs;
  private final ClusterDesiredState desired;
  private final Backend backend;
  private final Clock clock;

  public DryRun(ServiceConfigs configs, ClusterDesiredState desired, Backend backend, Clock clock) {
    this.configs = configs;
    this.desired = desired;
    this.backend = backend;
    this.clock = clock;
  }

  /** One instance's next plan; desired empty means "remove" (or "not deployed"). */
  public record InstancePlan(InstanceRef ref, boolean inSoaConfigs, Plan plan) {}

  public List<InstancePlan> planAll() {
    configs.reloadAll();
    Map<InstanceRef, Optional<DesiredInstance>> wanted = desired.all();
    Map<InstanceRef, ObservedInstance> observed = new HashMap<>();
    backend.observeAll().forEach(o -> observed.put(o.ref(), o));
    Map<InstanceRef, Boolean> refs = new LinkedHashMap<>();
    wanted.keySet().forEach(ref -> refs.put(ref, true));
    observed.keySet().stream()
        .filter(ref -> !wanted.containsKey(ref))
        .filter(ref -> !desired.unknownServices().contains(ref.service()))
        .forEach(ref -> refs.put(ref, false));
    List<InstancePlan> plans = new ArrayList<>();
    refs.forEach(
        (ref, inConfig) ->
            plans.add(
                new InstancePlan(
                    ref,
                    inConfig,
                    InstancePlanner.plan(
                        inConfig,
                        wanted.getOrDefault(ref, Optional.empty()),
                        observed.getOrDefault(ref, new ObservedInstance(ref, List.of())),
                        clock.instant()))));
    plans.sort(Comparator.comparing(p -> p.ref().service() + "." + p.ref().instance()));
    return plans;
  }
}
