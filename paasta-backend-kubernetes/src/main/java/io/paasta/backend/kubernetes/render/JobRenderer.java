package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.paasta.config.schedule.TimeVariables;
import io.paasta.model.DrainMethod;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.KubernetesNames;
import io.paasta.planning.app.RunSpec;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.jobs.JobTemplate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A scheduled job as Kubernetes objects (SPEC section 14): a CronJob ({@code concurrencyPolicy:
 * Forbid}, {@code epsilon} -> {@code startingDeadlineSeconds}, {@code retries} -> {@code
 * backoffLimit}, disabled or stopped -> {@code suspend}) when {@link CronSchedules} finds a cron
 * line; else the Job the daemon's scheduler creates for each run. Pure.
 */
public final class JobRenderer {
  /** Any date fills a cmd without time variables the same way (only {@code %%} changes). */
  private static final ZonedDateTime ANY_DATE =
      ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private JobRenderer() {}

  /**
   * @throws RenderException when no image is deployed for the job's deploy group, or its schedule
   *     or time zone cannot be read (validate refuses those)
   */
  public static RenderedJob render(
      DesiredJob desired, JobConfig config, KubernetesCluster cluster) {
    InstanceRef ref = config.ref();
    JobTemplate template =
        desired
            .template()
            .orElseThrow(
                () -> new RenderException(desired.problem().orElse(ref + " is not deployed")));
    if (desired.problem().isPresent()) {
      throw new RenderException(ref + ": " + desired.problem().get());
    }
    String namespace = Namespaces.name(cluster, ref.service(), config.effective());
    Map<String, String> labels = identity(config, template);
    CronSchedules.Decision decision = CronSchedules.of(config);
    Optional<String> cmd = template.spec().cmd();
    if (decision instanceof CronSchedules.Cron) {
      cmd = cmd.map(written -> TimeVariables.fill(written, ANY_DATE));
    }
    PodTemplateSpec unlabelled = podTemplate(config, cluster, namespace, template, labels, cmd);
    labels.put(ObjectLabels.CONFIG_SHA, ConfigSha.of(unlabelled, template.configHash()));
    PodTemplateSpec pod = InstanceRenderer.withLabels(unlabelled, labels);
    ObjectMeta meta =
        meta(KubernetesNames.objectName(ref.service(), ref.instance()), namespace, labels);
    Job job =
        new JobBuilder()
            .withMetadata(meta)
            .withNewSpec()
            .withBackoffLimit(config.retries())
            .withTemplate(pod)
            .endSpec()
            .build();
    Optional<CronJob> cronJob = Optional.empty();
    Optional<String> reason = Optional.empty();
    if (decision instanceof CronSchedules.Cron cron) {
      cronJob = Optional.of(cronJob(desired, config, cron, job, meta));
    } else {
      reason =
          Optional.of(
              "run by the daemon's scheduler as Jobs: "
                  + ((CronSchedules.Scheduler) decision).reason());
    }
    return new RenderedJob(Namespaces.object(namespace), cronJob, job, reason);
  }

  /**
   * The Job of one attempt the daemon's scheduler starts: {@code template}'s spec as the scheduler
   * filled it (its cmd's time variables already filled from the run's execution date), labelled as
   * section 14 says, with {@code backoffLimit: 0} (the scheduler retries a failed attempt as a new
   * Job: the Job controller must not retry it too). Named as the job's Job template: the runner
   * names each attempt.
   *
   * @throws RenderException when the job's time zone or config cannot be read
   */
  public static Job attempt(JobConfig config, KubernetesCluster cluster, JobTemplate template) {
    InstanceRef ref = config.ref();
    String namespace = Namespaces.name(cluster, ref.service(), config.effective());
    Map<String, String> labels = identity(config, template);
    PodTemplateSpec unlabelled =
        podTemplate(config, cluster, namespace, template, labels, template.spec().cmd());
    labels.put(ObjectLabels.CONFIG_SHA, ConfigSha.of(unlabelled, template.configHash()));
    return new JobBuilder()
        .withMetadata(
            meta(KubernetesNames.objectName(ref.service(), ref.instance()), namespace, labels))
        .withNewSpec()
        .withBackoffLimit(0)
        .withTemplate(InstanceRenderer.withLabels(unlabelled, labels))
        .endSpec()
        .build();
  }

  /** Every label of section 14 but {@code config_sha}. */
  private static Map<String, String> identity(JobConfig config, JobTemplate template) {
    InstanceRef ref = config.ref();
    return ObjectLabels.identity(
        ref.service(),
        ref.instance(),
        ref.cluster(),
        template.gitSha(),
        config.container().pool(),
        config.deployGroup(),
        false);
  }

  private static PodTemplateSpec podTemplate(
      JobConfig config,
      KubernetesCluster cluster,
      String namespace,
      JobTemplate template,
      Map<String, String> labels,
      Optional<String> cmd) {
    RunSpec run = template.spec();
    return PodTemplates.template(
        new PodInput(
            config.ref().service(),
            config.ref().instance(),
            namespace,
            ClusterImages.image(cluster, run),
            run,
            cmd,
            OptionalInt.empty(),
            DrainMethod.NOOP,
            Map.of(),
            config.effective(),
            labels,
            cluster.dockerConfig().isPresent(),
            "Never"));
  }

  private static CronJob cronJob(
      DesiredJob desired, JobConfig config, CronSchedules.Cron cron, Job job, ObjectMeta meta) {
    ObjectMeta cronMeta =
        meta(
            KubernetesNames.sanitise(
                config.ref().service() + "-" + config.ref().instance(),
                KubernetesNames.MAX_CRONJOB_NAME),
            meta.getNamespace(),
            meta.getLabels());
    return new CronJobBuilder()
        .withMetadata(cronMeta)
        .withNewSpec()
        .withSchedule(cron.line())
        .withTimeZone(cron.timeZone())
        .withConcurrencyPolicy("Forbid")
        .withStartingDeadlineSeconds(Math.max(1, config.epsilon().toSeconds()))
        .withSuspend(desired.disabled().isPresent())
        .withNewJobTemplate()
        .withNewMetadata()
        .withLabels(meta.getLabels())
        .endMetadata()
        .withSpec(job.getSpec())
        .endJobTemplate()
        .endSpec()
        .build();
  }

  private static ObjectMeta meta(String name, String namespace, Map<String, String> labels) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels)
        .build();
  }
}
