package io.paasta.backend.kubernetes.jobs;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.KubernetesNames;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobTask;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * What names a job attempt's Job (the labels of section 14 plus the run's identity, so that a
 * restarted daemon finds and adopts it from the API server alone), and the attempt as a {@link
 * JobTask} from its Job and pods: running until the Job has a {@code Complete} or {@code Failed}
 * condition (or was killed and has no pod left), its exit code from the container's terminated
 * state. Pure.
 */
public final class JobObjects {
  public static final String RUN_ID = ObjectLabels.PREFIX + "job_run_id";
  public static final String ATTEMPT = ObjectLabels.PREFIX + "job_attempt";

  /** Annotations: exact names (labels hold sanitised values) and the run's execution date. */
  public static final String JOB_SERVICE = ObjectLabels.PREFIX + "job_service";

  public static final String JOB_INSTANCE = ObjectLabels.PREFIX + "job_instance";
  public static final String EXECUTION_DATE = ObjectLabels.PREFIX + "job_execution_date";
  public static final String CONFIG_HASH = ObjectLabels.PREFIX + "job_config_hash";
  public static final String GIT_SHA = ObjectLabels.PREFIX + "job_git_sha";

  /** A hash of a CronJob as rendered: it is updated when the rendering's differs. */
  public static final String CRONJOB_SHA = ObjectLabels.PREFIX + "cronjob_sha";

  /** When the CronJob controller meant a Job to run (Kubernetes 1.28 and later set it). */
  public static final String SCHEDULED_TIMESTAMP =
      "batch.kubernetes.io/cronjob-scheduled-timestamp";

  /** Set by {@code kill}: when the daemon suspended the Job (its pods are then deleted). */
  public static final String KILLED_AT = ObjectLabels.PREFIX + "job_killed_at";

  /** The label the Job controller puts on a Job's pods. */
  public static final String JOB_NAME = "job-name";

  /**
   * The exit code a killed attempt is given when its pod went before its exit was seen: what a
   * container stopped by SIGTERM exits with (as {@code docker stop} reports it).
   */
  static final int KILLED_EXIT_CODE = 143;

  private static final Set<String> IMAGE_FAILURES =
      Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "CreateContainerConfigError");

  private JobObjects() {}

  /** The Job's deterministic name: a start retried for the same attempt finds the first's Job. */
  public static String name(JobLaunch launch) {
    InstanceRef job = launch.job();
    return KubernetesNames.sanitise(
        job.service() + "-" + job.instance() + "-" + launch.runId() + "-" + launch.attempt(),
        KubernetesNames.MAX_NAME);
  }

  /** The task id of a Job: {@code <namespace>/<name>}. */
  public static String taskId(Job job) {
    return job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
  }

  /** {@code rendered}, named for the attempt and labelled and annotated with its run's identity. */
  public static Job attempt(Job rendered, JobLaunch launch) {
    ObjectMeta meta = rendered.getMetadata();
    meta.setName(name(launch));
    Map<String, String> labels = new TreeMap<>(meta.getLabels());
    labels.put(ObjectLabels.MANAGED, "true");
    labels.put(ObjectLabels.CLUSTER, KubernetesNames.labelValue(launch.job().cluster()));
    labels.put(RUN_ID, Long.toString(launch.runId()));
    labels.put(ATTEMPT, Integer.toString(launch.attempt()));
    meta.setLabels(labels);
    Map<String, String> annotations =
        new TreeMap<>(meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
    annotations.put(JOB_SERVICE, launch.job().service());
    annotations.put(JOB_INSTANCE, launch.job().instance());
    annotations.put(EXECUTION_DATE, launch.executionDate().toString());
    annotations.put(
        GIT_SHA, launch.spec().labels().getOrDefault(io.paasta.planning.app.Labels.GIT_SHA, ""));
    annotations.put(
        CONFIG_HASH,
        launch.spec().labels().getOrDefault(io.paasta.planning.app.Labels.CONFIG_HASH, ""));
    meta.setAnnotations(annotations);
    return rendered;
  }

  /**
   * Whether the Job (or CronJob) is a job's of {@code cluster} (not a service's or another
   * cluster's): an attempt the daemon started, or a Job its CronJob started.
   */
  public static boolean isJobOf(HasMetadata object, String cluster) {
    Map<String, String> labels = labels(object.getMetadata());
    return "true".equals(labels.get(ObjectLabels.MANAGED))
        && KubernetesNames.labelValue(cluster).equals(labels.get(ObjectLabels.CLUSTER))
        && annotations(object.getMetadata()).containsKey(JOB_SERVICE)
        && annotations(object.getMetadata()).containsKey(JOB_INSTANCE);
  }

  /** The job a Job or CronJob of {@code cluster} belongs to, from its annotations. */
  public static Optional<InstanceRef> jobOf(HasMetadata object, String cluster) {
    if (!isJobOf(object, cluster)) {
      return Optional.empty();
    }
    Map<String, String> annotations = annotations(object.getMetadata());
    return Optional.of(
        new InstanceRef(
            annotations.get(JOB_SERVICE),
            cluster,
            annotations.get(JOB_INSTANCE),
            InstanceKind.CHRONOS));
  }

  /**
   * The rendered CronJob of {@code job}, annotated (and its Jobs' template too) with the job's
   * exact names, and with a hash of everything it says (an update is due when it differs).
   */
  public static CronJob cronJob(CronJob rendered, InstanceRef job, String sha) {
    annotate(rendered.getMetadata(), job);
    if (rendered.getSpec().getJobTemplate().getMetadata() == null) {
      rendered.getSpec().getJobTemplate().setMetadata(new ObjectMeta());
    }
    annotate(rendered.getSpec().getJobTemplate().getMetadata(), job);
    rendered.getMetadata().getAnnotations().put(CRONJOB_SHA, sha);
    return rendered;
  }

  private static void annotate(ObjectMeta meta, InstanceRef job) {
    Map<String, String> annotations = new TreeMap<>(annotations(meta));
    annotations.put(JOB_SERVICE, job.service());
    annotations.put(JOB_INSTANCE, job.instance());
    meta.setAnnotations(annotations);
  }

  /**
   * A Job as the CronJob makes them (its Job template's metadata and spec), in its namespace, with
   * {@code backoffLimit: 0}: the daemon's scheduler retries a rerun's attempts itself.
   */
  public static Job fromCronJob(CronJob cronJob) {
    ObjectMeta template = cronJob.getSpec().getJobTemplate().getMetadata();
    return new JobBuilder()
        .withNewMetadata()
        .withNamespace(cronJob.getMetadata().getNamespace())
        .withLabels(template == null ? Map.of() : labels(template))
        .withAnnotations(template == null ? Map.of() : annotations(template))
        .endMetadata()
        .withSpec(
            new JobSpecBuilder(cronJob.getSpec().getJobTemplate().getSpec())
                .withBackoffLimit(0)
                .build())
        .build();
  }

  /** Whether the Job is {@code launch}'s attempt (job, run and attempt). */
  public static boolean isAttempt(Job job, JobLaunch launch) {
    Map<String, String> labels = labels(job.getMetadata());
    Map<String, String> annotations = annotations(job.getMetadata());
    return isJobOf(job, launch.job().cluster())
        && launch.job().service().equals(annotations.get(JOB_SERVICE))
        && launch.job().instance().equals(annotations.get(JOB_INSTANCE))
        && Long.toString(launch.runId()).equals(labels.get(RUN_ID))
        && Integer.toString(launch.attempt()).equals(labels.get(ATTEMPT));
  }

  /**
   * The attempt as a task; empty when the Job does not name one (labels or annotations missing or
   * not parsing). A Job its CronJob started has run id 0 (attempt 1) until the scheduler recorded
   * its run and named it; its execution date is the time the CronJob meant it for.
   *
   * @param pods the Job's pods (any order)
   */
  public static Optional<JobTask> taskOf(Job job, List<Pod> pods, String cluster) {
    Map<String, String> labels = labels(job.getMetadata());
    Map<String, String> annotations = annotations(job.getMetadata());
    Optional<InstanceRef> ref = jobOf(job, cluster);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    long runId;
    int attempt;
    Instant executionDate;
    try {
      runId = Long.parseLong(labels.getOrDefault(RUN_ID, "0"));
      attempt = Integer.parseInt(labels.getOrDefault(ATTEMPT, "1"));
      executionDate =
          Instant.parse(
              Optional.ofNullable(annotations.get(EXECUTION_DATE))
                  .or(() -> Optional.ofNullable(annotations.get(SCHEDULED_TIMESTAMP)))
                  .or(() -> Optional.ofNullable(job.getMetadata().getCreationTimestamp()))
                  .orElse(""));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
    State state = state(job, pods);
    return Optional.of(
        new JobTask(
            taskId(job),
            ref.get(),
            runId,
            attempt,
            executionDate,
            annotations.getOrDefault(GIT_SHA, ""),
            annotations.getOrDefault(CONFIG_HASH, ""),
            state.running(),
            state.startedAt(),
            state.finishedAt(),
            state.exitCode(),
            state.lostReason()));
  }

  private record State(
      boolean running,
      Optional<Instant> startedAt,
      Optional<Instant> finishedAt,
      OptionalInt exitCode,
      Optional<String> lostReason) {}

  private static State state(Job job, List<Pod> pods) {
    Optional<Pod> pod = pods.stream().max(Comparator.comparing(JobObjects::created));
    Optional<ContainerStatus> container = pod.flatMap(JobObjects::container);
    Optional<ContainerStateTerminated> terminated =
        container.map(c -> c.getState() == null ? null : c.getState().getTerminated());
    Optional<Instant> startedAt =
        time(job.getStatus() == null ? null : job.getStatus().getStartTime())
            .or(() -> pod.flatMap(p -> time(p.getStatus().getStartTime())));
    Optional<JobCondition> complete = condition(job, "Complete");
    Optional<JobCondition> failed = condition(job, "Failed");
    Optional<String> killedAt = Optional.ofNullable(annotations(job.getMetadata()).get(KILLED_AT));
    boolean podLeft = pod.isPresent() && terminated.isEmpty() && !phaseEnded(pod.get());
    Optional<String> imageFailure = container.flatMap(JobObjects::imageFailure);
    boolean ended =
        complete.isPresent()
            || failed.isPresent()
            || (killedAt.isPresent() && !podLeft)
            || imageFailure.isPresent()
            || pod.map(JobObjects::evicted).orElse(false);
    if (!ended) {
      return new State(true, startedAt, Optional.empty(), OptionalInt.empty(), Optional.empty());
    }
    Optional<Instant> finishedAt =
        terminated
            .flatMap(t -> time(t.getFinishedAt()))
            .or(() -> time(job.getStatus() == null ? null : job.getStatus().getCompletionTime()))
            .or(() -> complete.or(() -> failed).flatMap(c -> time(c.getLastTransitionTime())))
            .or(() -> killedAt.flatMap(JobObjects::time));
    OptionalInt exitCode =
        terminated.map(t -> OptionalInt.of(t.getExitCode())).orElse(OptionalInt.empty());
    if (exitCode.isEmpty() && complete.isPresent()) {
      exitCode = OptionalInt.of(0);
    } else if (exitCode.isEmpty() && killedAt.isPresent()) {
      exitCode = OptionalInt.of(KILLED_EXIT_CODE);
    }
    return new State(
        false,
        startedAt,
        finishedAt,
        exitCode,
        lostReason(pod, terminated, imageFailure, failed, exitCode, killedAt));
  }

  /** Why it did not end by itself: OOM, eviction, an image that cannot be pulled, a Job failure. */
  private static Optional<String> lostReason(
      Optional<Pod> pod,
      Optional<ContainerStateTerminated> terminated,
      Optional<String> imageFailure,
      Optional<JobCondition> failed,
      OptionalInt exitCode,
      Optional<String> killedAt) {
    if (terminated.isPresent() && "OOMKilled".equals(terminated.get().getReason())) {
      return Optional.of(
          "the kernel's OOM killer killed it (exit code "
              + terminated.get().getExitCode()
              + "): it needs more memory than its mem limit - raise mem for the job");
    }
    if (pod.isPresent() && evicted(pod.get())) {
      return Optional.of(
          "the kubelet evicted its pod "
              + pod.get().getMetadata().getName()
              + ": "
              + Optional.ofNullable(pod.get().getStatus().getMessage()).orElse("(no message)"));
    }
    if (imageFailure.isPresent()) {
      return imageFailure;
    }
    if (exitCode.isEmpty() && killedAt.isEmpty() && failed.isPresent()) {
      return Optional.of(
          "its Job failed ("
              + failed.get().getReason()
              + ": "
              + Optional.ofNullable(failed.get().getMessage()).orElse("")
              + ") without an exit code of its container");
    }
    return Optional.empty();
  }

  private static Optional<String> imageFailure(ContainerStatus container) {
    ContainerStateWaiting waiting =
        container.getState() == null ? null : container.getState().getWaiting();
    if (waiting == null || !IMAGE_FAILURES.contains(waiting.getReason())) {
      return Optional.empty();
    }
    return Optional.of(
        "its container cannot start ("
            + waiting.getReason()
            + ": "
            + Optional.ofNullable(waiting.getMessage()).orElse("")
            + "): is image "
            + container.getImage()
            + " in the cluster's registry, and may the cluster pull it?");
  }

  private static boolean evicted(Pod pod) {
    return pod.getStatus() != null && "Evicted".equals(pod.getStatus().getReason());
  }

  private static boolean phaseEnded(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static Optional<ContainerStatus> container(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream().findFirst();
  }

  private static Optional<JobCondition> condition(Job job, String type) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst();
  }

  private static String created(Pod pod) {
    return Optional.ofNullable(pod.getMetadata().getCreationTimestamp()).orElse("")
        + pod.getMetadata().getName();
  }

  private static Optional<Instant> time(String text) {
    try {
      return Optional.ofNullable(text).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Map<String, String> labels(ObjectMeta meta) {
    return meta.getLabels() == null ? Map.of() : meta.getLabels();
  }

  static Map<String, String> annotations(ObjectMeta meta) {
    return meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
  }
}
