package io.paasta.backend.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.paasta.backend.kubernetes.apply.OrphanPlanner;
import io.paasta.backend.kubernetes.secrets.SecretSettings;
import io.paasta.backend.kubernetes.testing.BackendHarness;
import io.paasta.backend.kubernetes.testing.FakeSecrets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leader's clean-up of shared objects on the mock: namespaces of ours left empty, Services no
 * instance registers in, Secrets no pod names; young objects and namespaces not of ours are left
 * alone, and more than half of a kind is refused.
 */
class OrphanSweepTest {
  private static final String NS = "paastasvc-svc";
  private static final Map<String, String> MANAGED = Map.of("paasta.yelp.com/managed", "true");

  private final FakeSecrets secrets = new FakeSecrets();
  private BackendHarness harness;

  @BeforeEach
  void start() {
    harness =
        new BackendHarness(
            BackendHarness.CLUSTER, new SecretSettings("local", Optional.empty(), secrets));
    harness.clock.set(Instant.now());
    secrets.put("db_password", "one");
    secrets.put("api_key", "two");
    harness.fixture.env.put("DB_PASSWORD", "SECRET(db_password)");
    harness.fixture.env.put("API_KEY", "SECRET(api_key)");
    harness.fixture.secretSignatures = secrets.signatures(harness.fixture.env);
    harness.converge();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void whatNoInstanceUsesAnyMoreIsDeletedOnceOlderThanTheGracePeriod() {
    create(namespace("paastasvc-other"));
    create(deployment("paastasvc-other", "other-main"));
    create(namespace("paastasvc-third"));
    create(deployment("paastasvc-third", "third-main"));
    create(namespace("paastasvc-gone")); // its last instance was removed
    create(namespace("team-owned")); // an instance's namespace: key; never deleted
    create(namespace("paastasvc-cron")); // only a scheduled job's CronJob is in it
    create(cronJob("paastasvc-cron", "cron-nightly", "paastasvc-cron-secret-cron-token"));
    create(secretSignature("paastasvc-cron", "paastasvc-cron-secret-cron-token"));
    create(service(NS, "svc-main", Map.of("paasta.yelp.com/instance", "main"))); // the pods match
    create(service(NS, "svc-old", Map.of("registrations.paasta.yelp.com/svc.old", "true")));
    create(service("paastasvc-other", "other-main", Map.of("paasta.yelp.com/service", "other")));
    harness.fixture.env.remove("API_KEY"); // one secret no longer used
    harness.fixture.secretSignatures = secrets.signatures(harness.fixture.env);
    harness.converge();
    org.awaitility.Awaitility.await()
        .until(
            () -> {
              OrphanPlanner.View view = harness.backend.cache().orphanView();
              return view.namespaces().size() == 6
                  && view.services().size() == 3
                  && view.workloads().size() == 3
                  && view.signatures().size() == 3
                  && harness.backend.jobRunnerObjects() == 1;
            });

    assertThat(sweepAt(0)).isEmpty(); // all younger than the grace period
    List<String> lines = sweepAt(61);
    assertThat(lines)
        .containsExactlyInAnyOrder(
            "clean-up: delete Namespace paastasvc-gone: no instance has objects in it any more",
            "clean-up: delete Service " + NS + "/svc-old: no instance registers in it any more",
            "clean-up: delete Secret "
                + NS
                + "/paastasvc-svc-secret-svc-api--key: no instance"
                + " uses it any more",
            "clean-up: delete ConfigMap "
                + NS
                + "/paastasvc-svc-secret-svc-api--key-signature: its Secret"
                + " paastasvc-svc-secret-svc-api--key is deleted");
    assertThat(harness.admin.namespaces().withName("paastasvc-gone").get()).isNull();
    assertThat(harness.admin.namespaces().withName("team-owned").get()).isNotNull();
    assertThat(harness.admin.namespaces().withName("paastasvc-cron").get()).isNotNull();
    assertThat(harness.admin.configMaps().inNamespace("paastasvc-cron").list().getItems())
        .hasSize(1); // the CronJob's pod template names its Secret: kept
    assertThat(harness.admin.services().inNamespace(NS).list().getItems())
        .extracting(s -> s.getMetadata().getName())
        .containsExactly("svc-main");
    assertThat(harness.admin.secrets().inNamespace(NS).list().getItems())
        .extracting(s -> s.getMetadata().getName())
        .containsExactly("paastasvc-svc-secret-svc-db--password");
    org.awaitility.Awaitility.await().until(() -> sweepAt(61).isEmpty());
    assertThat(harness.plan().actions()).isEmpty(); // the instance's own objects are untouched
  }

  @Test
  void deletingMoreThanHalfOfAKindIsRefusedAndSaidOnce() {
    create(namespace("paastasvc-gone-1"));
    create(namespace("paastasvc-gone-2"));
    org.awaitility.Awaitility.await()
        .until(() -> harness.backend.cache().orphanView().namespaces().size() == 3);
    assertThat(sweepAt(61))
        .containsExactly(
            "clean-up: refusing to delete 2 of 3 namespace(s) no instance uses in one sweep (more"
                + " than half; a broken soa-configs checkout?): paastasvc-gone-1,"
                + " paastasvc-gone-2; force to delete them (paasta server --force-cleanup), or"
                + " delete them by hand");
    assertThat(sweepAt(61)).isEmpty(); // said once

    assertThat(harness.admin.namespaces().withName("paastasvc-gone-1").get()).isNotNull();
  }

  private List<String> sweepAt(int secondsAfterNow) {
    harness.clock.set(Instant.now().plusSeconds(secondsAfterNow));
    return harness.backend.sweepOrphans();
  }

  private void create(HasMetadata object) {
    harness.admin.resource(object).create();
  }

  private static HasMetadata namespace(String name) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(MANAGED)
        .endMetadata()
        .build();
  }

  private static HasMetadata service(String namespace, String name, Map<String, String> selector) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(MANAGED)
        .endMetadata()
        .withNewSpec()
        .withSelector(selector)
        .endSpec()
        .build();
  }

  private static HasMetadata cronJob(String namespace, String name, String secret) {
    return new io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(MANAGED)
        .endMetadata()
        .withNewSpec()
        .withSchedule("0 3 * * *")
        .withNewJobTemplate()
        .withNewSpec()
        .withNewTemplate()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .withImage("x")
        .addNewEnv()
        .withName("TOKEN")
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey("value")
        .endSecretKeyRef()
        .endValueFrom()
        .endEnv()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .endJobTemplate()
        .endSpec()
        .build();
  }

  private static HasMetadata secretSignature(String namespace, String secret) {
    return new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata()
        .withName(secret + "-signature")
        .withNamespace(namespace)
        .withLabels(
            Map.of(
                "paasta.yelp.com/managed",
                "true",
                io.paasta.backend.kubernetes.secrets.SecretObjects.SIGNATURE_LABEL,
                "true"))
        .withAnnotations(Map.of("paasta.yelp.com/secret", secret))
        .endMetadata()
        .build();
  }

  private static Deployment deployment(String namespace, String name) {
    Map<String, String> labels =
        Map.of(
            "paasta.yelp.com/managed", "true",
            "paasta.yelp.com/service", "other",
            "paasta.yelp.com/instance", "main",
            "paasta.yelp.com/cluster", "elsewhere");
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withReplicas(0)
        .withNewSelector()
        .withMatchLabels(Map.of("paasta.yelp.com/service", "other"))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .withImage("x")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
