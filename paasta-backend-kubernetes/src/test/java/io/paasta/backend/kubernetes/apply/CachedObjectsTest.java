package io.paasta.backend.kubernetes.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the informers keep of an object: what is read of it, not the API server's bookkeeping. */
class CachedObjectsTest {
  private static ObjectMeta meta() {
    return new ObjectMetaBuilder()
        .withName("svc-main-abc")
        .withNamespace("paastasvc-svc")
        .withResourceVersion("7")
        .withLabels(Map.of("paasta.yelp.com/service", "svc", "paasta.yelp.com/instance", "main"))
        .withAnnotations(
            Map.of(
                "paasta.yelp.com/app_id",
                "svc.main.git01234567.config89abcdef",
                CachedObjects.LAST_APPLIED,
                "{\"a\": \"whole copy of the object\"}"))
        .withManagedFields(
            new ManagedFieldsEntryBuilder().withManager("kubectl").withOperation("Update").build())
        .build();
  }

  @Test
  void aPodKeepsItsStatusMetadataPortsAndProbesOnly() {
    Pod pod =
        new PodBuilder()
            .withMetadata(meta())
            .withNewSpec()
            .withNodeName("node-1")
            .withContainers(
                new ContainerBuilder()
                    .withName("main")
                    .withImage("registry/svc:1")
                    .addNewEnv()
                    .withName("PORT0")
                    .withValue("8888")
                    .endEnv()
                    .addNewPort()
                    .withContainerPort(8888)
                    .endPort()
                    .withNewLivenessProbe()
                    .withInitialDelaySeconds(60)
                    .endLivenessProbe()
                    .addNewVolumeMount()
                    .withName("data")
                    .withMountPath("/data")
                    .endVolumeMount()
                    .build())
            .addNewVolume()
            .withName("data")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .endSpec()
            .withNewStatus()
            .withPhase("Running")
            .withStartTime("2026-12-06T10:00:00Z")
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .endStatus()
            .build();

    Pod kept = CachedObjects.trim(pod);

    assertThat(kept.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(kept.getMetadata().getAnnotations())
        .containsOnlyKeys("paasta.yelp.com/app_id")
        .containsEntry("paasta.yelp.com/app_id", "svc.main.git01234567.config89abcdef");
    assertThat(kept.getMetadata().getLabels()).containsEntry("paasta.yelp.com/instance", "main");
    assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(kept.getSpec().getNodeName()).isEqualTo("node-1");
    assertThat(kept.getSpec().getVolumes()).isNullOrEmpty();
    assertThat(kept.getSpec().getContainers()).hasSize(1);
    assertThat(kept.getSpec().getContainers().get(0).getEnv()).isNullOrEmpty();
    assertThat(kept.getSpec().getContainers().get(0).getVolumeMounts()).isNullOrEmpty();
    assertThat(kept.getSpec().getContainers().get(0).getPorts().get(0).getContainerPort())
        .isEqualTo(8888);
    assertThat(kept.getSpec().getContainers().get(0).getLivenessProbe().getInitialDelaySeconds())
        .isEqualTo(60);
    assertThat(kept.getStatus().getPhase()).isEqualTo("Running");
    assertThat(PodTasks.ready(kept)).isTrue();
    assertThat(PodTasks.appId(kept)).isEqualTo("svc.main.git01234567.config89abcdef");
  }

  @Test
  void labelsAndAnnotationsAreSharedStrings() {
    ObjectMeta meta = meta();
    String read = new String("svc".toCharArray()); // as a string read from the API server
    meta.setLabels(Map.of("paasta.yelp.com/service", read));

    Pod kept = CachedObjects.trim(new PodBuilder().withMetadata(meta).build());

    assertThat(kept.getMetadata().getLabels().get("paasta.yelp.com/service"))
        .isEqualTo("svc")
        .isSameAs("svc");
  }

  @Test
  void aReplicaSetKeepsItsTemplatesAnnotationsNotItsPodSpec() {
    ReplicaSet rs =
        new ReplicaSetBuilder()
            .withMetadata(meta())
            .withNewSpec()
            .withReplicas(3)
            .withNewSelector()
            .withMatchLabels(Map.of("pod-template-hash", "abc"))
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withAnnotations(Map.of("paasta.yelp.com/app_id", "svc.main.git01234567.config0"))
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("main")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();

    ReplicaSet kept = CachedObjects.trim(rs);

    assertThat(kept.getSpec().getTemplate().getSpec()).isNull();
    assertThat(kept.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("paasta.yelp.com/app_id", "svc.main.git01234567.config0");
    assertThat(kept.getSpec().getReplicas()).isEqualTo(3);
    assertThat(kept.getSpec().getSelector().getMatchLabels()).containsKey("pod-template-hash");
  }

  @Test
  void aDeploymentKeepsItsSpecForTheDiffButNotTheServersBookkeeping() {
    Deployment deployment =
        new DeploymentBuilder()
            .withMetadata(meta())
            .withNewSpec()
            .withReplicas(3)
            .withNewTemplate()
            .withNewSpec()
            .addNewContainer()
            .withName("main")
            .addNewEnv()
            .withName("A")
            .withValue("1")
            .endEnv()
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();

    Deployment kept = CachedObjects.trim(deployment);

    assertThat(kept.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(kept.getMetadata().getAnnotations()).doesNotContainKey(CachedObjects.LAST_APPLIED);
    assertThat(kept.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()).hasSize(1);
  }
}
