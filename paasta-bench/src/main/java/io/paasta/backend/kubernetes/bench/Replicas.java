package io.paasta.backend.kubernetes.bench;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Deployment and ReplicaSet controllers and the kubelet make of a Deployment once its
 * rollout is over, for the benchmark's store (the mock runs no controllers): one ReplicaSet and its
 * pods, running and ready, with the fields a real pod's status has (IPs, container statuses).
 */
final class Replicas {
  private Replicas() {}

  /** The ReplicaSet first, then its pods. */
  static List<HasMetadata> of(Deployment deployment, Instant started) {
    ObjectMeta template = deployment.getSpec().getTemplate().getMetadata();
    String hash =
        String.format("%010x", deployment.getMetadata().getName().hashCode() & 0xffffffffL);
    Map<String, String> labels = new TreeMap<>(template.getLabels());
    labels.put("pod-template-hash", hash);
    String namespace = deployment.getMetadata().getNamespace();
    String name = deployment.getMetadata().getName() + "-" + hash;
    int count = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    ReplicaSet rs =
        new ReplicaSetBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withName(name)
                    .withNamespace(namespace)
                    .withLabels(labels)
                    .withAnnotations(template.getAnnotations())
                    .withOwnerReferences(
                        owner(
                            "Deployment",
                            deployment.getMetadata().getName(),
                            deployment.getMetadata().getUid()))
                    .build())
            .withNewSpec()
            .withReplicas(count)
            .withNewSelector()
            .withMatchLabels(labels)
            .endSelector()
            .withTemplate(deployment.getSpec().getTemplate())
            .endSpec()
            .withNewStatus()
            .withReplicas(count)
            .withReadyReplicas(count)
            .withAvailableReplicas(count)
            .endStatus()
            .build();
    List<HasMetadata> out = new ArrayList<>();
    out.add(rs);
    List<PodCondition> conditions =
        List.of(
            condition("PodScheduled"),
            condition("Initialized"),
            condition("ContainersReady"),
            condition("Ready"));
    String container =
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getName();
    String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    for (int i = 0; i < count; i++) {
      String pod = name + "-" + String.format("%05d", i);
      out.add(
          new PodBuilder()
              .withMetadata(
                  new ObjectMetaBuilder()
                      .withName(pod)
                      .withNamespace(namespace)
                      .withLabels(labels)
                      .withAnnotations(template.getAnnotations())
                      .withOwnerReferences(owner("ReplicaSet", name, null))
                      .build())
              .withSpec(deployment.getSpec().getTemplate().getSpec())
              .editSpec()
              .withNodeName("node-" + (i % 50))
              .endSpec()
              .withNewStatus()
              .withPhase("Running")
              .withStartTime(started.toString())
              .withHostIP("10.0.0." + (i % 50))
              .withPodIP("10.1." + (i % 250) + "." + (pod.hashCode() & 0xff))
              .withQosClass("Burstable")
              .withConditions(conditions)
              .withContainerStatuses(
                  new ContainerStatusBuilder()
                      .withName(container)
                      .withImage(image)
                      .withImageID(image + "@sha256:" + "0".repeat(64))
                      .withContainerID("containerd://" + String.format("%064x", pod.hashCode()))
                      .withReady(true)
                      .withStarted(true)
                      .withRestartCount(0)
                      .withNewState()
                      .withNewRunning()
                      .withStartedAt(started.toString())
                      .endRunning()
                      .endState()
                      .build())
              .endStatus()
              .build());
    }
    return out;
  }

  private static OwnerReference owner(String kind, String name, String uid) {
    return new OwnerReferenceBuilder()
        .withApiVersion("apps/v1")
        .withKind(kind)
        .withName(name)
        .withUid(uid)
        .withController(true)
        .build();
  }

  private static PodCondition condition(String type) {
    return new PodConditionBuilder().withType(type).withStatus("True").build();
  }
}
