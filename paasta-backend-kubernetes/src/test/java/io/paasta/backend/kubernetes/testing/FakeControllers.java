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

  // ---- the Job controller and the kubelet for Jobs' pods ----

  private static final java.util.regex.Pattern EXIT =
      java.util.regex.Pattern.compile("exit (\\d+)\\s*$");

  /**
   * One round of the Job controller over every Job (and of the kubelet over their pods): a Job
   * without a pod gets one (Running); a running pod "runs" its {@code sh -c} command: a command
   * with {@code sleep} runs until {@link #finish} or {@link #oomKill} ends it, any other exits at
   * once with the code of its trailing {@code exit N} (0 without one). A pod that succeeded makes
   * the Job {@code Complete}; failed pods beyond {@code backoffLimit} make it {@code Failed}
   * (BackoffLimitExceeded), else another pod is made. A suspended Job's running pods are stopped
   * (exit 143) and deleted. Pods whose Job is gone are deleted, as the garbage collector does.
   */
  public void stepJobs() {
    List<io.fabric8.kubernetes.api.model.batch.v1.Job> jobs =
        client.batch().v1().jobs().inAnyNamespace().list().getItems();
    Set<String> cronJobs = new HashSet<>();
    client
        .batch()
        .v1()
        .cronjobs()
        .inAnyNamespace()
        .list()
        .getItems()
        .forEach(
            c -> cronJobs.add(c.getMetadata().getNamespace() + "/" + c.getMetadata().getName()));
    Set<String> alive = new HashSet<>();
    for (io.fabric8.kubernetes.api.model.batch.v1.Job job : jobs) {
      String namespace = job.getMetadata().getNamespace();
      if (job.getMetadata().getOwnerReferences() != null
          && job.getMetadata().getOwnerReferences().stream()
              .anyMatch(
                  o ->
                      "CronJob".equals(o.getKind())
                          && !cronJobs.contains(namespace + "/" + o.getName()))) {
        client.resource(job).delete(); // the garbage collector: its CronJob is gone
        continue;
      }
      alive.add(job.getMetadata().getNamespace() + "/" + job.getMetadata().getName());
      reconcileJob(job);
    }
    for (Pod pod : jobPods(p -> true)) {
      String owner =
          pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getLabels().get(JOB_NAME);
      if (!alive.contains(owner)) {
        client.resource(pod).delete();
      }
    }
  }

  private static final String JOB_NAME = "job-name";

  /** Ends the running pods of Jobs whose name starts with {@code prefix} with {@code exitCode}. */
  public void finish(String prefix, int exitCode) {
    for (Pod pod : jobPods(p -> p.getMetadata().getName().startsWith(prefix) && running(p))) {
      terminate(pod, exitCode, exitCode == 0 ? "Completed" : "Error");
    }
  }

  /** The OOM killer kills the running pods of Jobs whose name starts with {@code prefix}. */
  public void oomKill(String prefix) {
    for (Pod pod : jobPods(p -> p.getMetadata().getName().startsWith(prefix) && running(p))) {
      terminate(pod, 137, "OOMKilled");
    }
  }

  /** Pods of Jobs matching {@code filter}. */
  public List<Pod> jobPods(Predicate<Pod> filter) {
    return pods(
        p ->
            p.getMetadata().getLabels() != null
                && p.getMetadata().getLabels().containsKey(JOB_NAME)
                && filter.test(p));
  }

  private void reconcileJob(io.fabric8.kubernetes.api.model.batch.v1.Job job) {
    if (jobCondition(job, "Complete") || jobCondition(job, "Failed")) {
      return;
    }
    List<Pod> pods =
        client
            .pods()
            .inNamespace(job.getMetadata().getNamespace())
            .withLabel(JOB_NAME, job.getMetadata().getName())
            .list()
            .getItems();
    if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
      for (Pod pod : pods) {
        if (running(pod)) {
          terminate(pod, 143, "Error");
        }
        client.resource(pod).delete();
      }
      if (!jobCondition(job, "Suspended")) {
        setJobCondition(job, "Suspended", "JobSuspended", "Job suspended");
      }
      return;
    }
    for (Pod pod : pods) {
      if (running(pod)) {
        outcome(pod).ifPresent(code -> terminate(pod, code, code == 0 ? "Completed" : "Error"));
      }
    }
    pods =
        client
            .pods()
            .inNamespace(job.getMetadata().getNamespace())
            .withLabel(JOB_NAME, job.getMetadata().getName())
            .list()
            .getItems();
    long succeeded = pods.stream().filter(p -> "Succeeded".equals(phaseOf(p))).count();
    long failed = pods.stream().filter(p -> "Failed".equals(phaseOf(p))).count();
    int backoffLimit =
        job.getSpec().getBackoffLimit() == null ? 6 : job.getSpec().getBackoffLimit();
    if (succeeded > 0) {
      setJobCondition(job, "Complete", null, null);
    } else if (failed > backoffLimit) {
      setJobCondition(
          job, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
    } else if (pods.stream().noneMatch(FakeControllers::running)) {
      createJobPod(job);
    }
  }

  private static boolean jobCondition(
      io.fabric8.kubernetes.api.model.batch.v1.Job job, String type) {
    return job.getStatus() != null
        && job.getStatus().getConditions() != null
        && job.getStatus().getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private void setJobCondition(
      io.fabric8.kubernetes.api.model.batch.v1.Job job,
      String type,
      String reason,
      String message) {
    String now = clock.instant().toString();
    client
        .batch()
        .v1()
        .jobs()
        .inNamespace(job.getMetadata().getNamespace())
        .withName(job.getMetadata().getName())
        .editStatus(
            j -> {
              io.fabric8.kubernetes.api.model.batch.v1.JobStatus status =
                  j.getStatus() == null
                      ? new io.fabric8.kubernetes.api.model.batch.v1.JobStatus()
                      : j.getStatus();
              List<io.fabric8.kubernetes.api.model.batch.v1.JobCondition> conditions =
                  new ArrayList<>(
                      status.getConditions() == null ? List.of() : status.getConditions());
              conditions.add(
                  new io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder()
                      .withType(type)
                      .withStatus("True")
                      .withReason(reason)
                      .withMessage(message)
                      .withLastTransitionTime(now)
                      .build());
              status.setConditions(conditions);
              if ("Complete".equals(type)) {
                status.setCompletionTime(now);
              }
              j.setStatus(status);
              return j;
            });
  }

  private void createJobPod(io.fabric8.kubernetes.api.model.batch.v1.Job job) {
    ObjectMeta template = job.getSpec().getTemplate().getMetadata();
    Map<String, String> labels =
        new TreeMap<>(
            template == null || template.getLabels() == null ? Map.of() : template.getLabels());
    labels.put(JOB_NAME, job.getMetadata().getName());
    labels.put("batch.kubernetes.io/job-name", job.getMetadata().getName());
    String name = job.getMetadata().getName() + "-" + String.format("%05d", serial++);
    io.fabric8.kubernetes.api.model.Container container =
        job.getSpec().getTemplate().getSpec().getContainers().get(0);
    Pod pod =
        new PodBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withName(name)
                    .withNamespace(job.getMetadata().getNamespace())
                    .withLabels(labels)
                    .withCreationTimestamp(clock.instant().toString())
                    .build())
            .withSpec(job.getSpec().getTemplate().getSpec())
            .withNewStatus()
            .withPhase("Running")
            .withStartTime(clock.instant().toString())
            .addNewContainerStatus()
            .withName(container.getName())
            .withImage(container.getImage())
            .withNewState()
            .withNewRunning()
            .withStartedAt(clock.instant().toString())
            .endRunning()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();
    client.resource(pod).create();
  }

  /** What the pod's command does: exits with a code now, or runs on (empty). */
  private static java.util.Optional<Integer> outcome(Pod pod) {
    List<String> command = pod.getSpec().getContainers().get(0).getCommand();
    String cmd = command == null || command.isEmpty() ? "" : command.get(command.size() - 1);
    if (cmd.contains("sleep")) {
      return java.util.Optional.empty();
    }
    java.util.regex.Matcher exit = EXIT.matcher(cmd);
    return java.util.Optional.of(exit.find() ? Integer.parseInt(exit.group(1)) : 0);
  }

  private void terminate(Pod pod, int exitCode, String reason) {
    String now = clock.instant().toString();
    client
        .pods()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName())
        .editStatus(
            p -> {
              p.getStatus().setPhase(exitCode == 0 ? "Succeeded" : "Failed");
              p.getStatus()
                  .getContainerStatuses()
                  .get(0)
                  .setState(
                      new io.fabric8.kubernetes.api.model.ContainerStateBuilder()
                          .withNewTerminated()
                          .withExitCode(exitCode)
                          .withReason(reason)
                          .withFinishedAt(now)
                          .endTerminated()
                          .build());
              return p;
            });
  }

  private static boolean running(Pod pod) {
    return "Running".equals(phaseOf(pod));
  }

  private static String phaseOf(Pod pod) {
    return pod.getStatus() == null ? "" : pod.getStatus().getPhase();
  }

  // ---- the CronJob controller ----

  /**
   * The CronJob controller at {@code scheduledTime} (the test says when a schedule fires; the fake
   * does not read cron lines): every CronJob not suspended creates its Job {@code
   * <cronjob>-<minutes since the epoch>} from its Job template, owned by it and annotated with the
   * scheduled time, unless a Job of it is still active ({@code concurrencyPolicy: Forbid}).
   *
   * @return the Jobs created
   */
  public List<io.fabric8.kubernetes.api.model.batch.v1.Job> fireCronJobs(
      java.time.Instant scheduledTime) {
    List<io.fabric8.kubernetes.api.model.batch.v1.Job> created = new ArrayList<>();
    for (io.fabric8.kubernetes.api.model.batch.v1.CronJob cronJob :
        client.batch().v1().cronjobs().inAnyNamespace().list().getItems()) {
      if (Boolean.TRUE.equals(cronJob.getSpec().getSuspend()) || activeJobOf(cronJob)) {
        continue;
      }
      ObjectMeta template = cronJob.getSpec().getJobTemplate().getMetadata();
      Map<String, String> annotations =
          new TreeMap<>(
              template == null || template.getAnnotations() == null
                  ? Map.of()
                  : template.getAnnotations());
      annotations.put("batch.kubernetes.io/cronjob-scheduled-timestamp", scheduledTime.toString());
      created.add(
          client
              .resource(
                  new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder()
                      .withNewMetadata()
                      .withName(
                          cronJob.getMetadata().getName()
                              + "-"
                              + scheduledTime.getEpochSecond() / 60)
                      .withNamespace(cronJob.getMetadata().getNamespace())
                      .withLabels(template == null ? Map.of() : template.getLabels())
                      .withAnnotations(annotations)
                      .withCreationTimestamp(clock.instant().toString())
                      .addNewOwnerReference()
                      .withApiVersion("batch/v1")
                      .withKind("CronJob")
                      .withName(cronJob.getMetadata().getName())
                      .withUid(cronJob.getMetadata().getUid())
                      .withController(true)
                      .endOwnerReference()
                      .endMetadata()
                      .withSpec(cronJob.getSpec().getJobTemplate().getSpec())
                      .build())
              .create());
    }
    return created;
  }

  private boolean activeJobOf(io.fabric8.kubernetes.api.model.batch.v1.CronJob cronJob) {
    return client
        .batch()
        .v1()
        .jobs()
        .inNamespace(cronJob.getMetadata().getNamespace())
        .list()
        .getItems()
        .stream()
        .filter(
            j ->
                j.getMetadata().getOwnerReferences() != null
                    && j.getMetadata().getOwnerReferences().stream()
                        .anyMatch(o -> cronJob.getMetadata().getName().equals(o.getName())))
        .anyMatch(j -> !jobCondition(j, "Complete") && !jobCondition(j, "Failed"));
  }
}
