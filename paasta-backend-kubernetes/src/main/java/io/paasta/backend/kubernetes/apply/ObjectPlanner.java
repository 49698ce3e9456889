package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.paasta.planning.InstancePlanner;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Action.ObjectVerb;
import io.paasta.planning.plan.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan of one Kubernetes instance: the object diff between what the renderer makes of it and
 * what the informers hold. Missing objects are created; an object whose fields differ is updated
 * (with the resource version it was read at, so that a concurrent change is a conflict, not an
 * overwrite), and when only {@code spec.replicas} differs, patched (a JSON merge patch of the count
 * alone: a scale is no rollout); objects the instance no longer renders (an HPA once it is no
 * longer autoscaled; everything once soa-configs no longer has it) are deleted. Pure: no I/O.
 */
public final class ObjectPlanner {
  private static final String REPLICAS = "spec.replicas";

  private final KubernetesSerialization json;

  public ObjectPlanner(KubernetesSerialization json) {
    this.json = json;
  }

  /**
   * @param desiredObjects what the instance renders to, namespace first; empty when it is gone or
   *     not deployed
   */
  public Plan plan(
      boolean inSoaConfigs,
      Optional<DesiredInstance> desired,
      Optional<List<HasMetadata>> desiredObjects,
      InstanceObjects observed,
      Instant now) {
    if (desired.isEmpty() || desiredObjects.isEmpty()) {
      if (inSoaConfigs) {
        return new Plan(List.of(), true, Optional.empty(), notDeployed(observed));
      }
      return remove(observed);
    }
    return plan(desired.get(), actions(desiredObjects.get(), observed), observed, now);
  }

  /**
   * The object changes that make {@code observed} what {@code desiredObjects} say: none when they
   * match.
   */
  public List<Action> actions(List<HasMetadata> desiredObjects, InstanceObjects observed) {
    List<Action> actions = new ArrayList<>();
    boolean autoscaled =
        desiredObjects.stream().anyMatch(HorizontalPodAutoscaler.class::isInstance);
    for (HasMetadata object : desiredObjects) {
      change(object, observed.find(object), autoscaled).ifPresent(actions::add);
    }
    observed
        .hpa()
        .filter(hpa -> !autoscaled)
        .map(hpa -> delete(hpa, "not autoscaled now"))
        .ifPresent(actions::add);
    return actions;
  }

  /**
   * The plan of a deployed instance whose object changes are known ({@link #actions}, or what an
   * earlier diff of the same inputs and object versions gave): those changes, unless its namespace
   * is terminating; its rollout status; steady once nothing changes and the rollout is done.
   */
  public Plan plan(
      DesiredInstance desired, List<Action> actions, InstanceObjects observed, Instant now) {
    Optional<Namespace> terminating = observed.namespace().filter(ObjectPlanner::terminating);
    String status = RolloutStatus.of(desired, observed, now);
    if (terminating.isPresent()) {
      return new Plan(
          List.of(),
          false,
          Optional.of(InstancePlanner.PROGRESS_RECHECK),
          "waiting: namespace "
              + terminating.get().getMetadata().getName()
              + " is terminating (since "
              + terminating.get().getMetadata().getDeletionTimestamp()
              + "); its objects are created again once it is gone");
    }
    boolean steady = actions.isEmpty() && RolloutStatus.done(desired, observed);
    return new Plan(
        actions,
        steady,
        steady ? Optional.empty() : Optional.of(InstancePlanner.PROGRESS_RECHECK),
        status);
  }

  private Optional<Action> change(
      HasMetadata desired, Optional<HasMetadata> observed, boolean autoscaled) {
    if (observed.isEmpty()) {
      return Optional.of(
          new Action.ChangeObject(
              desired.getKind(),
              namespaceOf(desired),
              desired.getMetadata().getName(),
              ObjectVerb.CREATE,
              List.of(),
              json.asJson(desired),
              "missing"));
    }
    Map<String, Object> want = tree(desired);
    Map<String, Object> have = tree(observed.get());
    if (autoscaled && desired instanceof Deployment) {
      // the HPA's count stands; the desired count applies on creation only
      spec(want).remove("replicas");
    }
    List<String> fields = ObjectDiff.fields(want, have);
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    if (fields.equals(List.of(REPLICAS))) {
      // the object's identity (unchanged) with the new count and the version it was read at
      Map<String, Object> patch = identity(observed.get());
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) patch.get("metadata");
      metadata.put("resourceVersion", observed.get().getMetadata().getResourceVersion());
      patch.put("spec", Map.of("replicas", spec(want).get("replicas")));
      return Optional.of(action(desired, ObjectVerb.PATCH, fields, json.asJson(patch), "scale"));
    }
    want.computeIfAbsent("metadata", k -> new LinkedHashMap<String, Object>());
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) want.get("metadata");
    metadata.put("resourceVersion", observed.get().getMetadata().getResourceVersion());
    if (autoscaled && desired instanceof Deployment && spec(have).containsKey("replicas")) {
      spec(want).put("replicas", spec(have).get("replicas"));
    }
    return Optional.of(
        action(desired, ObjectVerb.UPDATE, fields, json.asJson(want), reason(fields)));
  }

  private static String reason(List<String> fields) {
    if (fields.stream().anyMatch(f -> f.startsWith("spec.template"))) {
      return "the pod template differs (a new version, or edited by hand): rolling out";
    }
    return "differs from soa-configs (edited by hand?): set back";
  }

  private Plan remove(InstanceObjects observed) {
    List<Action> actions = new ArrayList<>();
    observed.hpa().ifPresent(o -> actions.add(delete(o, "not in soa-configs")));
    observed.pdb().ifPresent(o -> actions.add(delete(o, "not in soa-configs")));
    observed.deployment().ifPresent(o -> actions.add(delete(o, "not in soa-configs")));
    long pods = observed.pods().size();
    boolean steady = actions.isEmpty() && pods == 0;
    String status =
        actions.isEmpty() && pods == 0
            ? "no tasks"
            : "removing: " + pods + " replica(s) left (not in soa-configs)";
    return new Plan(
        actions,
        steady,
        steady ? Optional.empty() : Optional.of(InstancePlanner.PROGRESS_RECHECK),
        status);
  }

  private static String notDeployed(InstanceObjects observed) {
    long live = observed.pods().size();
    return live == 0 ? "not deployed" : "not deployed: " + live + " replica(s) left as they are";
  }

  private Action delete(HasMetadata observed, String reason) {
    return action(observed, ObjectVerb.DELETE, List.of(), json.asJson(identity(observed)), reason);
  }

  /** {@code apiVersion}, {@code kind}, {@code metadata.name} and {@code .namespace}. */
  static Map<String, Object> identity(HasMetadata observed) {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("apiVersion", observed.getApiVersion());
    identity.put("kind", observed.getKind());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", observed.getMetadata().getName());
    if (!namespaceOf(observed).isEmpty()) {
      metadata.put("namespace", namespaceOf(observed));
    }
    identity.put("metadata", metadata);
    return identity;
  }

  private static Action action(
      HasMetadata object, ObjectVerb verb, List<String> fields, String body, String reason) {
    return new Action.ChangeObject(
        object.getKind(),
        namespaceOf(object),
        object.getMetadata().getName(),
        verb,
        fields,
        body,
        reason);
  }

  public static boolean terminating(Namespace namespace) {
    return namespace.getMetadata().getDeletionTimestamp() != null
        || (namespace.getStatus() != null
            && "Terminating".equals(namespace.getStatus().getPhase()));
  }

  private static String namespaceOf(HasMetadata object) {
    String ns = object.getMetadata().getNamespace();
    return ns == null ? "" : ns;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> tree(HasMetadata object) {
    Map<String, Object> tree = json.convertValue(object, Map.class);
    return new LinkedHashMap<>(tree);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(Map<String, Object> tree) {
    Object spec = tree.get("spec");
    if (spec instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
      tree.put("spec", copy);
      return copy;
    }
    Map<String, Object> fresh = new LinkedHashMap<>();
    tree.put("spec", fresh);
    return fresh;
  }
}
