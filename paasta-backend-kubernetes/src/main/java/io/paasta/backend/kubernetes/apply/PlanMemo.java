package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.paasta.model.InstanceRef;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the last diff of each instance found, so that a pass over an unchanged instance costs a few
 * map lookups instead of a rendering and a diff: per instance, the inputs its objects were rendered
 * from (equal inputs render equal objects: the renderer is pure), the objects it rendered (kind and
 * name), the resource versions of the observed objects the diff compared them with, and the actions
 * that diff gave. Any write to an object, by the daemon or by hand, changes its resource version:
 * the next pass diffs again. Memory: a few strings per instance (the inputs are the daemon's own
 * desired state and config, held anyway).
 *
 * <p>An instance whose last plan was steady (nothing to do, the rollout done) keeps that whole plan
 * too, with the informers' event counts of its objects and namespace when they were read ({@link
 * ClusterCache.Changes}): while the inputs are equal and no event came, the next pass is that plan,
 * with no cache reads at all. Thread-safe.
 */
public final class PlanMemo {
  private final Map<InstanceRef, Entry> entries = new ConcurrentHashMap<>();
  private final Map<InstanceRef, Steady> steady = new ConcurrentHashMap<>();

  private final Map<InstanceRef, Observed> observed = new ConcurrentHashMap<>();

  /** An instance's tasks and the event count of its objects when they were read. */
  private record Observed(ClusterCache.Changes changes, ObservedInstance observed) {}

  /** The instance's tasks as last observed, when no event of its objects came since. */
  public Optional<ObservedInstance> observed(InstanceRef ref) {
    Observed last = observed.get(ref);
    if (last == null || !last.changes().unchanged()) {
      return Optional.empty();
    }
    return Optional.of(last.observed());
  }

  /**
   * Remembers an instance's tasks, read after {@code changes}; only tasks that do not depend on the
   * time they were read at.
   */
  public void rememberObserved(
      InstanceRef ref, ClusterCache.Changes changes, ObservedInstance tasks) {
    observed.put(ref, new Observed(changes, tasks));
  }

  /** A steady plan, what it was rendered from and the event counts its cache reads saw. */
  private record Steady(Object inputs, ClusterCache.Changes changes, Plan plan) {}

  /** An object's kind and name. */
  private record Named(String kind, String name) {}

  /**
   * @param inputs what the rendering read (see {@code KubernetesBackend.Rendering#inputs})
   * @param objects kind and name of each rendered object, namespace first
   * @param versions the observed objects' resource versions the diff saw ({@link #versions})
   */
  private record Entry(
      Object inputs, List<Named> objects, List<String> versions, List<Action> actions) {
    String namespace() {
      return objects.get(0).name();
    }
  }

  /**
   * The instance's last plan, when it was steady, its inputs are equal and no informer event came
   * for its objects or its namespace since it was made.
   */
  public Optional<Plan> steady(InstanceRef ref, Object inputs) {
    Steady last = steady.get(ref);
    if (last == null || !last.changes().unchanged() || !last.inputs().equals(inputs)) {
      return Optional.empty();
    }
    return Optional.of(last.plan());
  }

  /**
   * Remembers the instance's plan when it is steady (no actions, the rollout done), else forgets
   * the one it had.
   *
   * @param changes the event counts read before the cache reads the plan was made from
   */
  public void rememberPlan(
      InstanceRef ref, Object inputs, ClusterCache.Changes changes, Plan plan) {
    if (plan.steady() && plan.actions().isEmpty()) {
      steady.put(ref, new Steady(inputs, changes, plan));
    } else {
      steady.remove(ref);
    }
  }

  /** The namespace the instance rendered into last, when it rendered from equal inputs. */
  public Optional<String> namespace(InstanceRef ref, Object inputs) {
    return entry(ref, inputs).map(Entry::namespace);
  }

  /**
   * The actions of the last diff, when the instance renders from equal inputs and every object that
   * diff compared is at the same resource version (and none of them appeared or vanished).
   */
  public Optional<List<Action>> actions(InstanceRef ref, Object inputs, InstanceObjects observed) {
    return entry(ref, inputs)
        .filter(e -> e.versions().equals(versions(e.objects(), observed)))
        .map(Entry::actions);
  }

  /** Remembers a diff of {@code rendered} (namespace first) with {@code observed}. */
  public void remember(
      InstanceRef ref,
      Object inputs,
      List<HasMetadata> rendered,
      InstanceObjects observed,
      List<Action> actions) {
    List<Named> objects =
        rendered.stream().map(o -> new Named(o.getKind(), o.getMetadata().getName())).toList();
    entries.put(ref, new Entry(inputs, objects, versions(objects, observed), List.copyOf(actions)));
  }

  /** Forgets an instance (gone from soa-configs, or not deployed). */
  public void forget(InstanceRef ref) {
    entries.remove(ref);
    steady.remove(ref);
    observed.remove(ref);
  }

  /** How many instances are remembered. */
  public int size() {
    return entries.size();
  }

  private Optional<Entry> entry(InstanceRef ref, Object inputs) {
    return Optional.ofNullable(entries.get(ref)).filter(e -> e.inputs().equals(inputs));
  }

  /**
   * The resource version of the observed object of each rendered kind and name ({@code -} when
   * there is none), then the HPA's, if any (the diff deletes it when the instance renders none).
   */
  static List<String> versions(List<Named> objects, InstanceObjects observed) {
    List<String> versions = new ArrayList<>(objects.size() + 1);
    for (Named object : objects) {
      versions.add(observed.find(object.kind(), object.name()).map(PlanMemo::version).orElse("-"));
    }
    versions.add(observed.hpa().map(PlanMemo::version).orElse("-"));
    return versions;
  }

  private static String version(HasMetadata object) {
    String version = object.getMetadata().getResourceVersion();
    return object.getMetadata().getUid() + "@" + (version == null ? "" : version);
  }
}
