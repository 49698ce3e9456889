package io.paasta.planning.cleanup;

import io.paasta.model.InstanceRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which instances to remove because soa-configs no longer has them, with PaaSTA's safety net
 * (cleanup_marathon_jobs): a pass that would remove more than half of all instances that have tasks
 * removes nothing unless forced, since that is more likely a broken checkout of soa-configs than a
 * real mass removal.
 */
public final class CleanupGuard {
  /** Removing more than this share of all instances in one pass needs force. */
  public static final double MAX_SHARE = 0.5;

  private CleanupGuard() {}

  /**
   * The answer of one pass.
   *
   * @param remove the instances to remove now (empty when refused)
   * @param allowed false when the guard refused
   * @param reason why, for logs and status
   */
  public record Decision(Set<InstanceRef> remove, boolean allowed, String reason) {
    public Decision {
      remove = Set.copyOf(remove);
    }
  }

  /**
   * From what runs and what soa-configs has.
   *
   * @param withTasks instances that have tasks (any app, any state)
   * @param inSoaConfigs instances soa-configs has (deployed or not)
   */
  public static Decision removals(
      Set<InstanceRef> withTasks, Set<InstanceRef> inSoaConfigs, boolean force) {
    Set<InstanceRef> gone = new TreeSet<>(CleanupGuard::compare);
    gone.addAll(withTasks);
    gone.removeAll(inSoaConfigs);
    return decide(withTasks, gone, force);
  }

  /**
   * Whether {@code toRemove} (a subset of {@code withTasks}, already filtered by the caller, e.g.
   * of services whose config could not be read) may be removed in this pass.
   */
  public static Decision decide(
      Set<InstanceRef> withTasks, Set<InstanceRef> toRemove, boolean force) {
    if (toRemove.isEmpty()) {
      return new Decision(Set.of(), true, "nothing to remove");
    }
    int total = Math.max(withTasks.size(), toRemove.size());
    String share = toRemove.size() + " of " + total + " instance(s)";
    if (!force && toRemove.size() > total * MAX_SHARE) {
      return new Decision(
          Set.of(),
          false,
          "refusing to remove "
              + share
              + " in one pass (more than half; a broken soa-configs checkout?): "
              + names(toRemove)
              + "; force to remove them");
    }
    return new Decision(
        toRemove, true, "removing " + share + (force ? " (forced)" : "") + ": " + names(toRemove));
  }

  /**
   * As {@link #decide}, and then per service: of a service still in soa-configs ({@code
   * servicesInSoaConfigs}), removing more than half of its instances that have tasks in one pass is
   * refused too (a truncated or half-written instance file, rather than a real removal), while the
   * removals of other services go on. A service gone from soa-configs as a whole is left to the
   * cluster-wide rule.
   *
   * @return the removals allowed; {@code allowed} is false when any was refused, and {@code reason}
   *     says which
   */
  public static Decision decidePerService(
      Set<InstanceRef> withTasks,
      Set<InstanceRef> toRemove,
      Set<String> servicesInSoaConfigs,
      boolean force) {
    Decision cluster = decide(withTasks, toRemove, force);
    if (!cluster.allowed() || force) {
      return cluster;
    }
    Set<InstanceRef> remove = new TreeSet<>(CleanupGuard::compare);
    List<String> refusals = new ArrayList<>();
    Map<String, Set<InstanceRef>> byService = new TreeMap<>();
    toRemove.forEach(r -> byService.computeIfAbsent(r.service(), s -> new HashSet<>()).add(r));
    byService.forEach(
        (service, gone) -> {
          if (!servicesInSoaConfigs.contains(service)) {
            remove.addAll(gone);
            return;
          }
          Set<InstanceRef> ofService = new HashSet<>();
          withTasks.stream().filter(r -> r.service().equals(service)).forEach(ofService::add);
          Decision one = decide(ofService, gone, false);
          if (one.allowed()) {
            remove.addAll(gone);
          } else {
            refusals.add(service + ": " + one.reason());
          }
        });
    if (refusals.isEmpty()) {
      return cluster;
    }
    return new Decision(remove, false, String.join("; ", refusals));
  }

  private static String names(Set<InstanceRef> refs) {
    Set<InstanceRef> sorted = new TreeSet<>(CleanupGuard::compare);
    sorted.addAll(refs);
    return String.join(", ", sorted.stream().map(r -> r.service() + "." + r.instance()).toList());
  }

  private static int compare(InstanceRef a, InstanceRef b) {
    return (a.service() + "." + a.instance() + " " + a.cluster() + " " + a.kind())
        .compareTo(b.service() + "." + b.instance() + " " + b.cluster() + " " + b.kind());
  }
}
