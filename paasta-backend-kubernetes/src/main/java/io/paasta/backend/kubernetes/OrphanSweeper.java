package io.paasta.backend.kubernetes;

import io.paasta.backend.kubernetes.apply.ClusterCache;
import io.paasta.backend.kubernetes.apply.OrphanPlanner;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.PlanPrinter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's sweep of shared objects no instance uses any more ({@link OrphanPlanner}): planned
 * from the informers once they all watch, executed one deletion at a time; a failure is said and
 * tried again at the next sweep. The guard's refusal is said once, not at every sweep.
 */
final class OrphanSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanSweeper.class);

  private final ClusterCache cache;
  private final java.util.function.Supplier<OrphanPlanner.View> view;
  private final OrphanPlanner planner;
  private final FleetSettings settings;
  private final Clock clock;
  private final BooleanSupplier leading;
  private final Consumer<Action.ChangeObject> execute;
  private final AtomicReference<List<String>> lastRefusals = new AtomicReference<>(List.of());

  OrphanSweeper(
      ClusterCache cache,
      java.util.function.Supplier<OrphanPlanner.View> view,
      OrphanPlanner planner,
      FleetSettings settings,
      Clock clock,
      BooleanSupplier leading,
      Consumer<Action.ChangeObject> execute) {
    this.cache = cache;
    this.view = view;
    this.planner = planner;
    this.settings = settings;
    this.clock = clock;
    this.leading = leading;
    this.execute = execute;
  }

  /** One sweep; the lines it said (nothing when not leading or the caches are not complete). */
  List<String> sweep() {
    if (!leading.getAsBoolean() || !cache.watching()) {
      return List.of();
    }
    OrphanPlanner.Orphans orphans =
        planner.plan(
            view.get(),
            settings.namespacePrefix(),
            clock.instant(),
            settings.sweepEvery(),
            settings.forceCleanup());
    List<String> lines = new ArrayList<>();
    if (!orphans.refusals().equals(lastRefusals.getAndSet(orphans.refusals()))) {
      orphans.refusals().forEach(r -> say(lines, "clean-up: " + r, true));
    }
    for (Action.ChangeObject deletion : orphans.deletions()) {
      try {
        execute.accept(deletion);
        say(lines, "clean-up: " + PlanPrinter.describe(deletion), false);
      } catch (BackendException e) {
        say(lines, "clean-up: " + e.getMessage(), true);
      }
    }
    return lines;
  }

  private static void say(List<String> lines, String line, boolean warn) {
    lines.add(line);
    if (warn) {
      LOG.warn(line);
    } else {
      LOG.info(line);
    }
  }
}
