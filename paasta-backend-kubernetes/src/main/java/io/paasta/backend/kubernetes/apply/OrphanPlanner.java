package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.paasta.backend.kubernetes.secrets.SecretObjects;
import io.paasta.planning.cleanup.CleanupGuard;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Action.ObjectVerb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The objects shared by instances that no instance uses any more, from what the informers hold: a
 * namespace of ours ({@code namespace_prefix}) left without instance objects (deleted as a whole:
 * its Services and Secrets go with it); elsewhere a SmartStack Service whose selector matches no
 * pod template of its namespace, and a Secret (with its signature ConfigMap) that no pod template
 * of its namespace names. Objects younger than the grace period are left alone (an instance's pass
 * creates its namespace and Secrets just before the Deployment that uses them). As for instances,
 * deleting more than half of the objects of a kind in one sweep is refused unless forced. A
 * namespace named by an instance's {@code namespace:} key (no prefix) is never deleted. Pure.
 */
public final class OrphanPlanner {
  private final KubernetesSerialization json;

  public OrphanPlanner(KubernetesSerialization json) {
    this.json = json;
  }

  /** A pod template that uses objects of its namespace: its labels and the Secrets it names. */
  public record Workload(String namespace, Map<String, String> podLabels, Set<String> secrets) {
    public Workload {
      podLabels = Map.copyOf(podLabels);
      secrets = Set.copyOf(secrets);
    }

    public static Workload of(Deployment deployment) {
      return of(deployment.getMetadata().getNamespace(), deployment.getSpec().getTemplate());
    }

    /** The labels of a pod template, and the Secrets its env, envFrom and pull secrets name. */
    public static Workload of(String namespace, PodTemplateSpec template) {
      Map<String, String> labels =
          template.getMetadata() == null || template.getMetadata().getLabels() == null
              ? Map.of()
              : template.getMetadata().getLabels();
      Set<String> secrets = new HashSet<>();
      PodSpec spec = template.getSpec();
      if (spec != null) {
        Optional.ofNullable(spec.getImagePullSecrets()).orElse(List.of()).stream()
            .map(LocalObjectReference::getName)
            .forEach(secrets::add);
        Optional.ofNullable(spec.getContainers())
            .orElse(List.of())
            .forEach(
                c -> {
                  for (EnvVar env : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (env.getValueFrom() != null
                        && env.getValueFrom().getSecretKeyRef() != null) {
                      secrets.add(env.getValueFrom().getSecretKeyRef().getName());
                    }
                  }
                  for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                    if (from.getSecretRef() != null) {
                      secrets.add(from.getSecretRef().getName());
                    }
                  }
                });
      }
      return new Workload(namespace, labels, secrets);
    }
  }

  /**
   * What the informers hold.
   *
   * @param present the instances' objects (Deployments, PDBs, HPAs, jobs'): a namespace with any is
   *     not empty
   * @param workloads the pod templates among them
   * @param signatures the Secrets' signature ConfigMaps
   */
  public record View(
      List<Namespace> namespaces,
      List<HasMetadata> present,
      List<Workload> workloads,
      List<Service> services,
      List<ConfigMap> signatures) {
    /** This view with more objects that use namespaces and Secrets (scheduled jobs' ones). */
    public View with(List<? extends HasMetadata> morePresent, List<Workload> moreWorkloads) {
      List<HasMetadata> allPresent = new ArrayList<>(present);
      allPresent.addAll(morePresent);
      List<Workload> allWorkloads = new ArrayList<>(workloads);
      allWorkloads.addAll(moreWorkloads);
      return new View(namespaces, allPresent, allWorkloads, services, signatures);
    }
  }

  /**
   * @param deletions Secrets are deleted before their ConfigMap (a crash between is found again)
   * @param refusals the guard's, one per kind it refused
   */
  public record Orphans(List<Action.ChangeObject> deletions, List<String> refusals) {}

  public Orphans plan(
      View view, String namespacePrefix, Instant now, Duration grace, boolean force) {
    List<String> refusals = new ArrayList<>();
    Set<String> live = new HashSet<>();
    view.present().forEach(o -> live.add(o.getMetadata().getNamespace()));
    Set<String> terminating =
        view.namespaces().stream()
            .filter(ObjectPlanner::terminating)
            .map(n -> n.getMetadata().getName())
            .collect(Collectors.toSet());
    List<Namespace> emptyNamespaces =
        view.namespaces().stream()
            .filter(n -> !terminating.contains(n.getMetadata().getName()))
            .filter(n -> n.getMetadata().getName().startsWith(namespacePrefix))
            .filter(n -> !live.contains(n.getMetadata().getName()))
            .filter(n -> old(n, now, grace))
            .toList();
    List<Action.ChangeObject> deletions = new ArrayList<>();
    Set<String> gone = new HashSet<>(terminating);
    if (allowed("namespace", emptyNamespaces, view.namespaces().size(), force, refusals)) {
      emptyNamespaces.forEach(
          n -> {
            deletions.add(delete(n, "no instance has objects in it any more"));
            gone.add(n.getMetadata().getName());
          });
    }
    List<Service> services =
        view.services().stream()
            .filter(s -> !gone.contains(s.getMetadata().getNamespace()))
            .filter(s -> old(s, now, grace))
            .filter(s -> !selected(s, view.workloads()))
            .toList();
    if (allowed("Service", services, view.services().size(), force, refusals)) {
      services.forEach(s -> deletions.add(delete(s, "no instance registers in it any more")));
    }
    List<ConfigMap> signatures =
        view.signatures().stream()
            .filter(c -> !gone.contains(c.getMetadata().getNamespace()))
            .filter(c -> SecretObjects.signedSecret(c).isPresent())
            .filter(c -> old(c, now, grace))
            .filter(c -> !named(c, view.workloads()))
            .toList();
    if (allowed("Secret", signatures, view.signatures().size(), force, refusals)) {
      for (ConfigMap signature : signatures) {
        String namespace = signature.getMetadata().getNamespace();
        String secret = SecretObjects.signedSecret(signature).orElseThrow();
        deletions.add(
            new Action.ChangeObject(
                "Secret",
                namespace,
                secret,
                ObjectVerb.DELETE,
                List.of(),
                "{}",
                "no instance uses it any more"));
        deletions.add(delete(signature, "its Secret " + secret + " is deleted"));
      }
    }
    return new Orphans(deletions, refusals);
  }

  private static boolean selected(Service service, List<Workload> workloads) {
    Map<String, String> selector =
        service.getSpec() == null || service.getSpec().getSelector() == null
            ? Map.of()
            : service.getSpec().getSelector();
    if (selector.isEmpty()) {
      return true; // not a SmartStack Service of ours: left alone
    }
    String namespace = service.getMetadata().getNamespace();
    return workloads.stream()
        .filter(w -> w.namespace().equals(namespace))
        .anyMatch(w -> w.podLabels().entrySet().containsAll(selector.entrySet()));
  }

  private static boolean named(ConfigMap signature, List<Workload> workloads) {
    String namespace = signature.getMetadata().getNamespace();
    String secret = SecretObjects.signedSecret(signature).orElseThrow();
    return workloads.stream()
        .filter(w -> w.namespace().equals(namespace))
        .anyMatch(w -> w.secrets().contains(secret));
  }

  /** Old enough to be no half-made instance's: created at least {@code grace} ago (or unknown). */
  private static boolean old(HasMetadata object, Instant now, Duration grace) {
    String created = object.getMetadata().getCreationTimestamp();
    if (created == null) {
      return true;
    }
    try {
      return !Instant.parse(created).plus(grace).isAfter(now);
    } catch (java.time.format.DateTimeParseException e) {
      return true;
    }
  }

  /** The instances' guard (more than half needs force), for one kind of shared object. */
  private static boolean allowed(
      String kind,
      List<? extends HasMetadata> remove,
      int total,
      boolean force,
      List<String> refusals) {
    if (remove.isEmpty() || force || remove.size() <= total * CleanupGuard.MAX_SHARE) {
      return true;
    }
    Set<String> names = new TreeSet<>();
    remove.forEach(o -> names.add(qualified(o)));
    refusals.add(
        "refusing to delete "
            + remove.size()
            + " of "
            + total
            + " "
            + kind
            + "(s) no instance uses in one sweep (more than half; a broken soa-configs"
            + " checkout?): "
            + String.join(", ", names)
            + "; force to delete them (paasta server --force-cleanup), or delete them by hand");
    return false;
  }

  private static String qualified(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
  }

  private Action.ChangeObject delete(HasMetadata object, String reason) {
    String namespace = object.getMetadata().getNamespace();
    return new Action.ChangeObject(
        object.getKind(),
        namespace == null ? "" : namespace,
        object.getMetadata().getName(),
        ObjectVerb.DELETE,
        List.of(),
        json.asJson(ObjectPlanner.identity(object)),
        reason);
  }
}
