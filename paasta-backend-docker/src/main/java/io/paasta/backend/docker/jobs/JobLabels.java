package io.paasta.backend.docker.jobs;

import io.paasta.backend.docker.engine.ContainerNames;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobTask;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The labels and name of a job attempt's container (the jobs contract of issue 14): what finds it
 * ({@code paasta_managed}, {@code paasta_kind=chronos}, service, instance, cluster) and what names
 * its run (run id, attempt, execution date, git sha, config hash), so that a restarted daemon
 * adopts it from the engine alone. Pure.
 */
public final class JobLabels {
  public static final String RUN_ID = "paasta_job_run_id";
  public static final String ATTEMPT = "paasta_job_attempt";

  /** The run's execution date, an ISO-8601 instant. */
  public static final String EXECUTION_DATE = "paasta_job_execution_date";

  private JobLabels() {}

  /**
   * The container's labels: the run spec's, then the job's own (which win): the attempt is found by
   * these whatever the spec says.
   */
  public static Map<String, String> of(JobLaunch launch) {
    InstanceRef job = launch.job();
    Map<String, String> labels = new TreeMap<>(launch.spec().labels());
    labels.put(Labels.MANAGED, "true");
    labels.put(Labels.KIND, InstanceKind.CHRONOS.filePrefix());
    labels.put(Labels.SERVICE, job.service());
    labels.put(Labels.INSTANCE, job.instance());
    labels.put(Labels.CLUSTER, job.cluster());
    labels.putIfAbsent(Labels.GIT_SHA, "");
    labels.putIfAbsent(Labels.CONFIG_HASH, "");
    labels.put(RUN_ID, Long.toString(launch.runId()));
    labels.put(ATTEMPT, Integer.toString(launch.attempt()));
    labels.put(EXECUTION_DATE, launch.executionDate().toString());
    return labels;
  }

  /**
   * The container's deterministic name, {@code
   * paasta-job-<cluster>-<service>-<instance>-<runId>-<attempt>} in the engine's name characters: a
   * start retried for the same attempt finds the container of the first.
   */
  public static String containerName(JobLaunch launch) {
    InstanceRef job = launch.job();
    return ContainerNames.safe(
        String.join(
            "-",
            "paasta-job",
            job.cluster(),
            job.service(),
            job.instance(),
            Long.toString(launch.runId()),
            Integer.toString(launch.attempt())));
  }

  /** The labels of a job attempt of {@code cluster}, not another daemon's (or a service task). */
  public static boolean isJobOf(Map<String, String> labels, String cluster) {
    return "true".equals(labels.get(Labels.MANAGED))
        && InstanceKind.CHRONOS.filePrefix().equals(labels.get(Labels.KIND))
        && cluster.equals(labels.get(Labels.CLUSTER));
  }

  /** Whether labels are those of {@code launch}'s attempt (job, run and attempt). */
  public static boolean isAttempt(Map<String, String> labels, JobLaunch launch) {
    InstanceRef job = launch.job();
    return isJobOf(labels, job.cluster())
        && job.service().equals(labels.get(Labels.SERVICE))
        && job.instance().equals(labels.get(Labels.INSTANCE))
        && Long.toString(launch.runId()).equals(labels.get(RUN_ID))
        && Integer.toString(launch.attempt()).equals(labels.get(ATTEMPT));
  }

  /**
   * The container as a job task; empty when its labels do not name a job attempt (no service,
   * instance, run id, attempt or execution date, or values that do not parse).
   *
   * @param lostReason why it did not exit by itself, when it did not (it then counts as not
   *     running)
   */
  public static Optional<JobTask> taskOf(ManagedContainer container, Optional<String> lostReason) {
    Optional<String> service = container.label(Labels.SERVICE);
    Optional<String> instance = container.label(Labels.INSTANCE);
    Optional<String> cluster = container.label(Labels.CLUSTER);
    if (service.isEmpty() || instance.isEmpty() || cluster.isEmpty()) {
      return Optional.empty();
    }
    try {
      long runId = Long.parseLong(container.label(RUN_ID).orElse(""));
      int attempt = Integer.parseInt(container.label(ATTEMPT).orElse(""));
      Instant executionDate = Instant.parse(container.label(EXECUTION_DATE).orElse(""));
      return Optional.of(
          new JobTask(
              container.id(),
              new InstanceRef(service.get(), cluster.get(), instance.get(), InstanceKind.CHRONOS),
              runId,
              attempt,
              executionDate,
              container.label(Labels.GIT_SHA).orElse(""),
              container.label(Labels.CONFIG_HASH).orElse(""),
              container.state() != TaskState.EXITED && lostReason.isEmpty(),
              container.startedAt(),
              container.finishedAt(),
              container.exitCode(),
              lostReason));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
