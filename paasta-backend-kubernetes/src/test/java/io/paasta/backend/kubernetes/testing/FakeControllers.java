package io.paasta.backend.kubernetes.testing;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.paasta.model.KubernetesNames;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Plays the controllers the mock API server lacks, one synchronous {@link #step} at a time: the
 * Deployment controller (one ReplicaSet per pod template, named by a hash of it; a RollingUpdate
 * brings the new ReplicaSet to full size at once, as {@code maxSurge: 100%} does, and scales the
 * old ones down by as many new pods as are ready; a Recreate scales the old ones to 0 first; empty
 * old ReplicaSets are deleted, as {@code revisionHistoryLimit: 0} says), the ReplicaSet controller
 * (pods created and deleted to the count) and the kubelet (a new pod runs at once and is Ready
 * unless {@link #failProbes} says its probe fails). {@link #evict} evicts a pod as the kubelet does
 * under node pressure.
 */
public final class FakeControllers {
  private static final String HASH = "pod-template-hash";

  private final KubernetesClient client;
  private final Clock clock;
  private final Set<String> failing = new HashSet<>();
  private int serial;

  public FakeControllers(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** New pods of this app (their {@code paasta.yelp.com/app_id} annotation) fail readiness. */
  public void failProbes(String appId) {
    failing.add(appId);
  }

  /** One round of every controller over every Deployment. */
  public void step() {
    List<Deployment> deployments = client.apps().deployments().inAnyNamespace().list().getItems();
    for (Deployment deployment : deployments) {
      reconcile(deployment);
    }
    collectGarbage(deployments);
  }

  /** ReplicaSets (and their pods) whose Deployment is gone are deleted, as the GC does. */
  private void collectGarbage(List<Deployment> deployments) {
    Set<String> owners = new HashSet<>();
    deployments.forEach(
        d -> owners.add(d.getMetadata().getNamespace() + "/" + d.getMetadata().getName()));
    for (ReplicaSet rs : client.apps().replicaSets().inAnyNamespace().list().getItems()) {
      String name = rs.getMetadata().getName();
      String owner = name.substring(0, name.lastIndexOf('-'));
      if (!owners.contains(rs.getMetadata().getNamespace() + "/" + owner)) {
        pods(rs).forEach(p -> client.resource(p).delete());
        client.resource(rs).delete();
      }
    }
  }

  /** Steps until nothing changes (at most {@code max} rounds). */
  public void settle(int max) {
    for (int i = 0; i < max; i++) {
      String before = snapshot();
      step();
      if (snapshot().equals(before)) {
        return;
      }
    }
  }

  private String snapshot() {
    return client.pods().inAnyNamespace().list().getItems().stream()
            .map(p -> p.getMetadata().getName() + p.getStatus().getPhase())
            .sorted()
            .toList()
        + ""
        + client.apps().replicaSets().inAnyNamespace().list().getItems().stream()
            .map(r -> r.getMetadata().getName() + r.getSpec().getReplicas())
            .sorted()
            .toList();
  }

  /** Marks {@code pod} Failed with reason Evicted, as the kubelet does. */
  public void evict(Pod pod) {
    client
        .pods()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName())
        .edit(
            p ->
                new PodBuilder(p)
                    .editStatus()
                    .withPhase("Failed")
                    .withReason("Evicted")
                    .withMessage("The node was low on resource: memory.")
                    .withConditions(List.of())
                    .endStatus()
                    .build());
  }

  private void reconcile(Deployment deployment) {
    String ns = deployment.getMetadata().getNamespace();
    String hash =
        KubernetesNames.md5Hex(
                client.getKubernetesSerialization().asJson(deployment.getSpec().getTemplate()))
            .substring(0, 10);
    List<ReplicaSet> sets = replicaSets(deployment);
    ReplicaSet current =
        sets.stream()
            .filter(rs -> hash.equals(rs.getMetadata().getLabels().get(HASH)))
            .findFirst()
            .orElseGet(() -> createReplicaSet(deployment, hash));
    int want = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    List<ReplicaSet> old =
        sets.stream()
            .filter(rs -> !rs.getMetadata().getName().equals(current.getMetadata().getName()))
            .toList();
    boolean recreate =
        deployment.getSpec().getStrategy() != null
            && "Recreate".equals(deployment.getSpec().getStrategy().getType());
    long readyNew = pods(current).stream().filter(FakeControllers::ready).count();
    int oldLeft = want - (int) readyNew;
    boolean oldGone = true;
    for (ReplicaSet rs : old) {
      int to = recreate ? 0 : Math.max(0, Math.min(rs.getSpec().getReplicas(), oldLeft));
      scale(rs, to);
      List<Pod> pods = syncPods(rs, to);
      oldGone &= pods.isEmpty();
      if (to == 0 && pods.isEmpty()) {
        client.resource(rs).delete();
      }
    }
    int newCount = recreate && !oldGone ? 0 : want;
    scale(current, newCount);
    syncPods(current, newCount);
  }

  private List<ReplicaSet> replicaSets(Deployment deployment) {
    return client
        .apps()
        .replicaSets()
        .inNamespace(deployment.getMetadata().getNamespace())
        .withLabels(deployment.getSpec().getSelector().getMatchLabels())
        .list()
        .getItems();
  }

  private ReplicaSet createReplicaSet(Deployment deployment, String hash) {
    Map<String, String> labels =
        new TreeMap<>(deployment.getSpec().getTemplate().getMetadata().getLabels());
    labels.put(HASH, hash);
    return client
        .resource(
            new ReplicaSetBuilder()
                .withMetadata(
                    new ObjectMetaBuilder()
                        .withName(deployment.getMetadata().getName() + "-" + hash)
                        .withNamespace(deployment.getMetadata().getNamespace())
                        .withLabels(labels)
                        .withAnnotations(
                            deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                        .withCreationTimestamp(clock.instant().toString())
                        .build())
                .withNewSpec()
                .withReplicas(0)
                .withNewSelector()
                .withMatchLabels(labels)
                .endSelector()
                .withTemplate(deployment.getSpec().getTemplate())
                .endSpec()
                .build())
        .create();
  }

  private void scale(ReplicaSet rs, int to) {
    if (rs.getSpec().getReplicas() != to) {
      rs.getSpec().setReplicas(to);
      client.resource(rs).update();
    }
  }

  /** Creates or deletes pods (newest first) to {@code count}; returns those left. */
  private List<Pod> syncPods(ReplicaSet rs, int count) {
    List<Pod> pods = new ArrayList<>(pods(rs));
    pods.sort(Comparator.comparing((Pod p) -> p.getMetadata().getName()));
    while (pods.size() > count) {
      Pod last = pods.remove(pods.size() - 1);
      client.resource(last).delete();
    }
    while (pods.size() < count) {
      pods.add(createPod(rs));
    }
    return pods;
  }

  private List<Pod> pods(ReplicaSet rs) {
    return client
        .pods()
        .inNamespace(rs.getMetadata().getNamespace())
        .withLabels(rs.getSpec().getSelector().getMatchLabels())
        .list()
        .getItems();
  }

  private Pod createPod(ReplicaSet rs) {
    ObjectMeta template = rs.getSpec().getTemplate().getMetadata();
    String appId =
        template.getAnnotations() == null
            ? ""
            : template.getAnnotations().getOrDefault("paasta.yelp.com/app_id", "");
    boolean ready = !failing.contains(appId);
    List<PodCondition> conditions =
        List.of(
            condition("PodScheduled", true),
            condition("Ready", ready),
            condition("ContainersReady", ready));
    Pod pod =
        new PodBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withName(rs.getMetadata().getName() + "-" + String.format("%05d", serial++))
                    .withNamespace(rs.getMetadata().getNamespace())
                    .withLabels(rs.getSpec().getSelector().getMatchLabels())
                    .withAnnotations(template.getAnnotations())
                    .build())
            .withSpec(rs.getSpec().getTemplate().getSpec())
            .withNewStatus()
            .withPhase("Running")
            .withStartTime(clock.instant().toString())
            .withConditions(conditions)
            .endStatus()
            .build();
    return client.resource(pod).create();
  }

  private static PodCondition condition(String type, boolean status) {
    return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False").build();
  }

  static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Pods matching {@code filter}, in every namespace. */
  public List<Pod> pods(Predicate<Pod> filter) {
    return client.pods().inAnyNamespace().list().getItems().stream().filter(filter).toList();
  }
}
