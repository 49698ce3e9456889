package io.paasta.backend.kubernetes.jobs;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.paasta.backend.kubernetes.apply.ObjectWriter;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobTask;
import io.paasta.planning.plan.Action;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduled jobs' attempts on Kubernetes: one {@code batch/v1} Job per attempt, made by {@link
 * JobManifests} (section 14's pod template, {@code backoffLimit: 0}: the daemon's scheduler retries
 * a failed attempt as a new Job) or, for a job that has a CronJob (a rerun), from the CronJob's Job
 * template; named and labelled by {@link JobObjects}. The jobs cron can express are CronJobs
 * ({@link CronJobReconciler}): their Jobs are observed with run id 0 until the scheduler recorded
 * their runs ({@link #adopt}). Everything it knows of an attempt is on the API server: a daemon
 * started later observes and adopts the same Jobs. State comes from informers ({@link JobCache}):
 * the Job's conditions, its pod's phase and its container's exit code. Task ids are {@code
 * <namespace>/<job name>}.
 *
 * <ul>
 *   <li>start creates the Job; a start retried for the same attempt finds the Job of the first (the
 *       create answers 409) and adopts it, never starting it twice;
 *   <li>kill suspends the Job ({@code spec.suspend: true}: the Job controller deletes its pods,
 *       which get their termination grace period) and marks it killed; the Job stays, and its exit
 *       is observed as usual;
 *   <li>remove deletes the Job with background propagation (the garbage collector deletes its
 *       pods).
 * </ul>
 */
public final class KubernetesJobRunner implements JobRunner, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesJobRunner.class);

  private final String cluster;
  private final KubernetesClient client;
  private final JobManifests manifests;
  private final Clock clock;
  private final JobCache cache;
  private final CronJobReconciler cronJobs;
  private final List<Consumer<JobTask>> exitListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> setBackListeners = new CopyOnWriteArrayList<>();
  private final Supplier<Optional<String>> follower;

  /**
   * Jobs this runner created that its informer may not have seen yet (the watch lags the create):
   * observed from here until it has, so that a pass right after a start never finds its attempt
   * gone.
   */
  private final Map<String, Job> created = new ConcurrentHashMap<>();

  /** A runner of the only daemon of its cluster (it always leads). */
  public KubernetesJobRunner(
      String cluster, KubernetesClient client, JobManifests manifests, Clock clock) {
    this(cluster, client, manifests, clock, Optional::empty);
  }

  /**
   * Builds the runner and its informers; {@link #start(Duration)} starts them.
   *
   * @param follower empty while this daemon leads its cluster, else who does ({@link #follower}: a
   *     follower's scheduler starts nothing, and it sets no CronJob back)
   */
  public KubernetesJobRunner(
      String cluster,
      KubernetesClient client,
      JobManifests manifests,
      Clock clock,
      Supplier<Optional<String>> follower) {
    this.cluster = cluster;
    this.client = client;
    this.manifests = manifests;
    this.clock = clock;
    this.follower = follower;
    // the informers start in start(): the reconciler is there before the first CronJob event
    this.cache = new JobCache(client, this::changed, this::cronJobChanged);
    this.cronJobs =
        new CronJobReconciler(
            cluster,
            client,
            manifests,
            cache,
            this::ensureNamespace,
            () -> follower.get().isEmpty(),
            line -> {
              LOG.info(line);
              setBackListeners.forEach(listener -> listener.accept(line));
            });
  }

  /**
   * Starts the informers and waits, at most {@code max}, for their first lists.
   *
   * @return false when they did not list in time (they keep trying)
   */
  public boolean start(Duration max) {
    return cache.start(max);
  }

  @Override
  public String start(JobLaunch launch) {
    Job job =
        JobObjects.attempt(
            cronJobOf(launch.job())
                .map(JobObjects::fromCronJob)
                .orElseGet(() -> manifests.attempt(launch)),
            launch);
    String namespace = job.getMetadata().getNamespace();
    String name = job.getMetadata().getName();
    ensureNamespace(namespace);
    try {
      Job made = client.resource(job).create();
      LOG.info("created Job {}/{} for {}", namespace, name, launch.job());
      created.put(JobObjects.taskId(made), made);
      return JobObjects.taskId(made);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw failure(Action.ObjectVerb.CREATE, namespace, name, e);
      }
    }
    return adopt(launch, namespace, name);
  }

  /** The Job of an earlier start of the same attempt: left as it is (running or ended). */
  private String adopt(JobLaunch launch, String namespace, String name) {
    Job existing;
    try {
      existing = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw failure(Action.ObjectVerb.CREATE, namespace, name, e);
    }
    if (existing == null || !JobObjects.isAttempt(existing, launch)) {
      throw new BackendException(
          "a Job named "
              + namespace
              + "/"
              + name
              + (existing == null
                  ? " was there and then deleted while attempt "
                      + launch.attempt()
                      + " started - the next pass starts it again"
                  : " exists and is not this attempt (labels "
                      + existing.getMetadata().getLabels()
                      + ") - it was left alone; delete it (kubectl -n "
                      + namespace
                      + " delete job "
                      + name
                      + ")"));
    }
    LOG.info("adopted Job {}/{}, created by an earlier start", namespace, name);
    return JobObjects.taskId(existing);
  }

  /** A service with jobs only has no namespace yet: created like an instance's (409: it exists). */
  private void ensureNamespace(String namespace) {
    io.paasta.backend.kubernetes.apply.NamespaceCreator.ensure(client, namespace, "job attempt");
  }

  /** The job's CronJob, when it has one: its reruns are made from the CronJob's template. */
  private Optional<CronJob> cronJobOf(InstanceRef job) {
    return cache.cronJobs().stream()
        .filter(c -> JobObjects.jobOf(c, cluster).filter(job::equals).isPresent())
        .findFirst();
  }

  /** The jobs cron can express, as CronJobs ({@link CronJobReconciler}). */
  @Override
  public Set<InstanceRef> scheduleByItself(
      Map<InstanceRef, DesiredJob> desired,
      Function<InstanceRef, Optional<JobConfig>> configs,
      Set<String> leftAlone,
      BiConsumer<InstanceRef, String> problems) {
    return cronJobs.reconcile(desired, configs, leftAlone, problems);
  }

  /** Labels a Job its CronJob started with the run the scheduler recorded for it (attempt 1). */
  @Override
  public void adopt(String taskId, long runId) {
    Optional<Job> job = owned(taskId);
    if (job.isEmpty()) {
      return;
    }
    String patch =
        "{\"metadata\": {\"labels\": {\""
            + JobObjects.RUN_ID
            + "\": \""
            + runId
            + "\", \""
            + JobObjects.ATTEMPT
            + "\": \"1\"}}}";
    patch(job.get(), patch, false);
  }

  /** A JSON merge patch of the Job; a Job gone meanwhile is no error when {@code goneOk}. */
  private void patch(Job job, String patch, boolean goneOk) {
    try {
      resource(job).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      if (!goneOk || e.getCode() != 404) {
        throw failure(Action.ObjectVerb.PATCH, job, e);
      }
    }
  }

  private io.fabric8.kubernetes.client.dsl.ScalableResource<Job> resource(Job job) {
    return client
        .batch()
        .v1()
        .jobs()
        .inNamespace(job.getMetadata().getNamespace())
        .withName(job.getMetadata().getName());
  }

  /**
   * The scheduled jobs' objects (Jobs and CronJobs) for the clean-up of shared objects: a namespace
   * holding only these is not empty.
   */
  public List<io.fabric8.kubernetes.api.model.HasMetadata> objects() {
    List<io.fabric8.kubernetes.api.model.HasMetadata> all = new ArrayList<>(cache.jobs());
    all.addAll(cache.cronJobs());
    return all;
  }

  /** The pod templates of the Jobs and CronJobs: the Secrets they name stay. */
  public List<io.paasta.backend.kubernetes.apply.OrphanPlanner.Workload> workloads() {
    List<io.paasta.backend.kubernetes.apply.OrphanPlanner.Workload> all = new ArrayList<>();
    for (var job : cache.jobs()) {
      if (job.getSpec() != null && job.getSpec().getTemplate() != null) {
        all.add(
            io.paasta.backend.kubernetes.apply.OrphanPlanner.Workload.of(
                job.getMetadata().getNamespace(), job.getSpec().getTemplate()));
      }
    }
    for (var cronJob : cache.cronJobs()) {
      if (cronJob.getSpec() != null
          && cronJob.getSpec().getJobTemplate() != null
          && cronJob.getSpec().getJobTemplate().getSpec() != null
          && cronJob.getSpec().getJobTemplate().getSpec().getTemplate() != null) {
        all.add(
            io.paasta.backend.kubernetes.apply.OrphanPlanner.Workload.of(
                cronJob.getMetadata().getNamespace(),
                cronJob.getSpec().getJobTemplate().getSpec().getTemplate()));
      }
    }
    return all;
  }

  @Override
  public List<JobTask> observeJobTasks() {
    List<Job> jobs = new ArrayList<>(cache.jobs());
    Set<String> seen = new HashSet<>();
    jobs.forEach(job -> seen.add(JobObjects.taskId(job)));
    created.keySet().removeAll(seen);
    created.values().forEach(jobs::add);
    return jobs.stream()
        .map(job -> JobObjects.taskOf(job, cache.pods(job), cluster))
        .flatMap(Optional::stream)
        .toList();
  }

  /**
   * Suspends the attempt's Job (its pods are deleted, with their grace period) and marks it killed;
   * one already gone or ended is no error.
   *
   * @throws BackendException when the task is not an attempt of this cluster
   */
  @Override
  public void kill(String taskId) {
    Optional<Job> job = owned(taskId);
    if (job.isEmpty()
        || JobObjects.annotations(job.get().getMetadata()).containsKey(JobObjects.KILLED_AT)
        || job.flatMap(this::task).map(t -> !t.running()).orElse(false)) {
      return; // gone, killed already (its pod may still be stopping), or ended
    }
    String patch =
        "{\"metadata\": {\"annotations\": {\""
            + JobObjects.KILLED_AT
            + "\": \""
            + clock.instant()
            + "\"}}, \"spec\": {\"suspend\": true}}";
    patch(job.get(), patch, true);
    LOG.info("killed job task {}", taskId);
  }

  /**
   * Deletes the attempt's Job and, through the garbage collector, its pods; one already gone is no
   * error.
   *
   * @throws BackendException when the task is not an attempt of this cluster
   */
  @Override
  public void remove(String taskId) {
    Optional<Job> job = owned(taskId);
    created.remove(taskId);
    if (job.isEmpty()) {
      return;
    }
    try {
      resource(job.get())
          .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND)
          .delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw failure(Action.ObjectVerb.DELETE, job.get(), e);
      }
    }
  }

  /** The tail of the log of the attempt's newest pod; none when it has no pod any more. */
  @Override
  public List<String> output(String taskId, int lines) {
    Optional<Pod> pod =
        owned(taskId)
            .flatMap(
                job ->
                    cache.pods(job).stream()
                        .max(
                            Comparator.comparing(
                                p ->
                                    Optional.ofNullable(p.getMetadata().getCreationTimestamp())
                                        .orElse(""))));
    if (pod.isEmpty()) {
      return List.of();
    }
    return io.paasta.backend.kubernetes.logs.PodLogTail.of(client, pod.get(), lines);
  }

  @Override
  public Optional<String> follower() {
    return follower.get();
  }

  /** True: every daemon of the cluster observes the same Jobs, and relabels the ones it adopts. */
  @Override
  public boolean takesOverRuns() {
    return true;
  }

  /** Tells of each CronJob edited by hand that was set back (the fields that differed). */
  @Override
  public void onNotice(Consumer<String> listener) {
    setBackListeners.add(listener);
  }

  @Override
  public void onExit(Consumer<JobTask> listener) {
    exitListeners.add(listener);
  }

  private void cronJobChanged(CronJob cronJob) {
    cronJobs.changed(cronJob);
  }

  /** Tells the exit listeners of an attempt that ended now. */
  private void changed(Job before, Job after) {
    if (exitListeners.isEmpty() || after == null) {
      return;
    }
    task(after)
        .filter(t -> !t.running())
        .ifPresent(t -> exitListeners.forEach(listener -> listener.accept(t)));
  }

  private Optional<JobTask> task(Job job) {
    return JobObjects.taskOf(job, cache.pods(job), cluster);
  }

  /**
   * The Job of {@code taskId} as the informer has it; empty when it is gone.
   *
   * @throws BackendException when it is no job attempt of this cluster
   */
  private Optional<Job> owned(String taskId) {
    int slash = taskId.indexOf('/');
    if (slash < 0) {
      throw notOurs(taskId);
    }
    Optional<Job> job =
        cache
            .job(taskId.substring(0, slash), taskId.substring(slash + 1))
            .or(() -> Optional.ofNullable(created.get(taskId)));
    if (job.isPresent() && !JobObjects.isJobOf(job.get(), cluster)) {
      throw notOurs(taskId);
    }
    return job;
  }

  private BackendException notOurs(String taskId) {
    return new BackendException(
        "task "
            + taskId
            + " is not the Job of an attempt of a job of cluster "
            + cluster
            + " - it was left alone");
  }

  private static BackendException failure(
      Action.ObjectVerb verb, Job job, KubernetesClientException e) {
    return failure(verb, job.getMetadata().getNamespace(), job.getMetadata().getName(), e);
  }

  private static BackendException failure(
      Action.ObjectVerb verb, String namespace, String name, KubernetesClientException e) {
    return failure(verb, namespace, name, "Job", e);
  }

  /** The API server's refusal as {@link ObjectWriter} says it: verb, resource, what to do. */
  static BackendException failure(
      Action.ObjectVerb verb,
      String namespace,
      String name,
      String kind,
      KubernetesClientException e) {
    return ObjectWriter.failure(
        new Action.ChangeObject(kind, namespace, name, verb, List.of(), "", "job attempt"), e);
  }

  @Override
  public void close() {
    cache.close();
  }
}
