package io.paasta.server;

import io.paasta.model.InstanceRef;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.cleanup.CleanupGuard;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Plan;
import io.paasta.server.desired.ClusterDesiredState;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.loop.PassPlanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code paasta plan} ({@code paasta server --dry-run}): the plan the next pass would execute for
 * every instance the daemon would pass (in soa-configs for this cluster, or with tasks on the
 * engine that the clean-up guard lets it remove), made by the pass's own planning step ({@link
 * PassPlanner}); executes nothing. Built by {@link DaemonWiring#dryRun}.
 */
public final class DryRun {
  private final ServiceConfigs configs;
  private final ClusterDesiredState desired;
  private final Backend backend;
  private final PassPlanner planner;
  private final boolean forceCleanup;

  public DryRun(
      ServiceConfigs configs,
      ClusterDesiredState desired,
      Backend backend,
      PassPlanner planner,
      boolean forceCleanup) {
    this.configs = configs;
    this.desired = desired;
    this.backend = backend;
    this.planner = planner;
    this.forceCleanup = forceCleanup;
  }

  /** One instance's next plan. */
  public record InstancePlan(InstanceRef ref, boolean inSoaConfigs, Plan plan) {}

  /**
   * The plans, by service and instance; and why instances gone from soa-configs are left alone,
   * when the clean-up guard refuses to remove them (as the daemon would log it).
   */
  public record Plans(List<InstancePlan> plans, Optional<String> cleanupRefused) {}

  public Plans planAll() {
    configs.reloadAll();
    Map<InstanceRef, Optional<DesiredInstance>> wanted = desired.all();
    Set<InstanceRef> observed = new LinkedHashSet<>();
    backend.observeAll().stream().map(ObservedInstance::ref).forEach(observed::add);
    Set<InstanceRef> gone = new LinkedHashSet<>(observed);
    gone.removeAll(wanted.keySet());
    gone.removeIf(ref -> desired.unknownServices().contains(ref.service()));
    CleanupGuard.Decision decision =
        CleanupGuard.decidePerService(observed, gone, configs.services().keySet(), forceCleanup);
    Map<InstanceRef, Boolean> refs = new LinkedHashMap<>();
    wanted.keySet().forEach(ref -> refs.put(ref, true));
    decision.remove().forEach(ref -> refs.putIfAbsent(ref, false));
    List<InstancePlan> plans = new ArrayList<>();
    refs.forEach(
        (ref, inConfig) ->
            plans.add(
                new InstancePlan(
                    ref,
                    inConfig,
                    planner.plan(ref, desired.of(ref), desired.config(ref)).plan())));
    plans.sort(Comparator.comparing(p -> p.ref().service() + "." + p.ref().instance()));
    return new Plans(plans, decision.allowed() ? Optional.empty() : Optional.of(decision.reason()));
  }
}
