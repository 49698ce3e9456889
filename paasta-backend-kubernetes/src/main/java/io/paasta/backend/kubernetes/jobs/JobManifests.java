package io.paasta.backend.kubernetes.jobs;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.paasta.backend.kubernetes.render.JobRenderer;
import io.paasta.backend.kubernetes.render.RenderException;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.KubernetesCluster;
import io.paasta.planning.app.Labels;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobTemplate;
import java.util.Optional;
import java.util.function.Function;

/** The Job an attempt runs, before the runner names and labels it for the attempt. */
@FunctionalInterface
public interface JobManifests {
  /**
   * @throws BackendException when it cannot be made (the job's config cannot be read)
   */
  Job attempt(JobLaunch launch);

  /**
   * The job's CronJob (section 14), when cron can express its schedule; empty when the daemon's
   * scheduler runs it.
   *
   * @throws BackendException when it cannot be rendered (not deployed, a schedule that does not
   *     read)
   */
  default Optional<CronJob> cronJob(DesiredJob desired, JobConfig config) {
    return Optional.empty();
  }

  /** No job can run (a backend started without soa-configs: tools, tests of services). */
  JobManifests NONE =
      launch -> {
        throw new BackendException(
            launch.job() + ": this backend was started without the jobs' configs");
      };

  /**
   * The section 14 Job ({@link JobRenderer#attempt}) of the job's config, with the launch's run
   * spec (its cmd's time variables filled).
   *
   * @param configs a job's config as soa-configs has it; empty when it has it no more
   */
  static JobManifests rendered(
      KubernetesCluster cluster, Function<InstanceRef, Optional<JobConfig>> configs) {
    return new JobManifests() {
      @Override
      public Job attempt(JobLaunch launch) {
        return rendered(launch, cluster, configs);
      }

      @Override
      public Optional<CronJob> cronJob(DesiredJob desired, JobConfig config) {
        try {
          return JobRenderer.render(desired, config, cluster).cronJob();
        } catch (RenderException e) {
          throw new BackendException(desired.ref() + ": " + e.getMessage());
        }
      }
    };
  }

  private static Job rendered(
      JobLaunch launch,
      KubernetesCluster cluster,
      Function<InstanceRef, Optional<JobConfig>> configs) {
    JobConfig config =
        configs
            .apply(launch.job())
            .orElseThrow(
                () ->
                    new BackendException(
                        launch.job() + ": its config is not in soa-configs any more"));
    JobTemplate template =
        new JobTemplate(
            launch.spec().labels().getOrDefault(Labels.GIT_SHA, ""),
            launch.spec().labels().getOrDefault(Labels.CONFIG_HASH, ""),
            launch.spec());
    try {
      return JobRenderer.attempt(config, cluster, template);
    } catch (RenderException e) {
      throw new BackendException(launch.job() + ": " + e.getMessage());
    }
  }
}
