package io.paasta.backend.kubernetes.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.paasta.planning.plan.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clean-up's decisions, on objects in memory. */
class OrphanPlannerTest {
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final String OLD = "2026-12-06T09:00:00Z";
  private static final String YOUNG = "2026-12-06T09:59:30Z";
  private static final Duration GRACE = Duration.ofSeconds(60);

  private final OrphanPlanner planner = new OrphanPlanner(new KubernetesSerialization());

  @Test
  void aTerminatingNamespaceIsLeftToKubernetesAndYoungOrForeignNamespacesStay() {
    OrphanPlanner.View view =
        view(
            List.of(
                namespace("paastasvc-a", OLD, false),
                namespace("paastasvc-b", OLD, true),
                namespace("paastasvc-c", YOUNG, false),
                namespace("team-owned", OLD, false),
                namespace("paastasvc-d", OLD, false)),
            List.of(workload("paastasvc-d", Map.of(), List.of())),
            List.of(service("paastasvc-b", Map.of("x", "y"))),
            List.of(signature("paastasvc-b", "paastasvc-b-secret-b-x")));
    assertThat(deletions(planner.plan(view, "paastasvc-", NOW, GRACE, false)))
        .containsExactly("DELETE Namespace paastasvc-a");
  }

  @Test
  void moreThanHalfIsRefusedUnlessForced() {
    OrphanPlanner.View view =
        view(
            List.of(namespace("paastasvc-a", OLD, false), namespace("paastasvc-b", OLD, false)),
            List.of(),
            List.of(),
            List.of());
    OrphanPlanner.Orphans refused = planner.plan(view, "paastasvc-", NOW, GRACE, false);
    assertThat(refused.deletions()).isEmpty();
    assertThat(refused.refusals())
        .containsExactly(
            "refusing to delete 2 of 2 namespace(s) no instance uses in one sweep (more than"
                + " half; a broken soa-configs checkout?): paastasvc-a, paastasvc-b; force to"
                + " delete them (paasta server --force-cleanup), or delete them by hand");
    assertThat(deletions(planner.plan(view, "paastasvc-", NOW, GRACE, true)))
        .containsExactly("DELETE Namespace paastasvc-a", "DELETE Namespace paastasvc-b");
  }

  @Test
  void secretsNamedByEnvFromOrAsPullSecretAndServicesWithoutSelectorAreInUse() {
    PodTemplateSpec template =
        new PodTemplateSpecBuilder()
            .withNewMetadata()
            .withLabels(Map.of("registrations.paasta.yelp.com/svc.main", "true", "other", "x"))
            .endMetadata()
            .withNewSpec()
            .addNewImagePullSecret("paasta-image-pull")
            .addNewContainer()
            .withName("main")
            .addNewEnvFrom()
            .withNewSecretRef()
            .withName("by-env-from")
            .endSecretRef()
            .endEnvFrom()
            .endContainer()
            .endSpec()
            .build();
    OrphanPlanner.View view =
        new OrphanPlanner.View(
            List.of(namespace("paastasvc-svc", OLD, false)),
            List.of(present("paastasvc-svc")),
            List.of(OrphanPlanner.Workload.of("paastasvc-svc", template)),
            List.of(
                service("paastasvc-svc", Map.of("registrations.paasta.yelp.com/svc.main", "true")),
                service("paastasvc-svc", Map.of()),
                service("paastasvc-svc", Map.of("registrations.paasta.yelp.com/svc.gone", "true")),
                service("paastasvc-svc", Map.of("other", "x"))),
            List.of(
                signature("paastasvc-svc", "paasta-image-pull"),
                signature("paastasvc-svc", "by-env-from"),
                signature("paastasvc-svc", "unused")));
    assertThat(deletions(planner.plan(view, "paastasvc-", NOW, GRACE, false)))
        .containsExactly(
            "DELETE Service paastasvc-svc/s-registrations.paasta.yelp.com/svc.gone",
            "DELETE Secret paastasvc-svc/unused",
            "DELETE ConfigMap paastasvc-svc/unused-signature");
  }

  private static OrphanPlanner.View view(
      List<Namespace> namespaces,
      List<OrphanPlanner.Workload> workloads,
      List<Service> services,
      List<ConfigMap> signatures) {
    List<HasMetadata> present = workloads.stream().map(w -> present(w.namespace())).toList();
    return new OrphanPlanner.View(namespaces, present, workloads, services, signatures);
  }

  private static OrphanPlanner.Workload workload(
      String namespace, Map<String, String> labels, List<String> secrets) {
    return new OrphanPlanner.Workload(namespace, labels, java.util.Set.copyOf(secrets));
  }

  private static List<String> deletions(OrphanPlanner.Orphans orphans) {
    return orphans.deletions().stream()
        .map(d -> d.verb() + " " + d.kind() + " " + qualified(d))
        .toList();
  }

  private static String qualified(Action.ChangeObject change) {
    return change.namespace().isEmpty() ? change.name() : change.namespace() + "/" + change.name();
  }

  private static Namespace namespace(String name, String created, boolean terminating) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withCreationTimestamp(created)
        .withDeletionTimestamp(terminating ? OLD : null)
        .endMetadata()
        .build();
  }

  /** An instance's object in the namespace (what a Deployment is to the clean-up). */
  private static HasMetadata present(String namespace) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("an-instance")
        .withNamespace(namespace)
        .endMetadata()
        .build();
  }

  private static Service service(String namespace, Map<String, String> selector) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("s-" + String.join(",", selector.keySet()))
        .withNamespace(namespace)
        .withCreationTimestamp(OLD)
        .endMetadata()
        .withNewSpec()
        .withSelector(selector)
        .endSpec()
        .build();
  }

  private static ConfigMap signature(String namespace, String secret) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(secret + "-signature")
        .withNamespace(namespace)
        .withCreationTimestamp(OLD)
        .withAnnotations(Map.of("paasta.yelp.com/secret", secret))
        .endMetadata()
        .build();
  }
}
