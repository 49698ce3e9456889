package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes objects one scheduled job becomes (SPEC section 14).
 *
 * @param cronJob present when cron can express the job's schedule; empty for parents, periods cron
 *     cannot express, a finite repetition count or a {@code cmd} with time variables
 * @param jobTemplate the Job one run creates: the CronJob's job template, or, without a CronJob,
 *     the Job the daemon's scheduler creates for each run (it names each run's Job and fills the
 *     cmd's time variables)
 * @param schedulerReason why the daemon's scheduler runs it as Jobs; empty with a CronJob
 */
public record RenderedJob(
    Namespace namespace,
    Optional<CronJob> cronJob,
    Job jobTemplate,
    Optional<String> schedulerReason) {

  /** The objects to apply (namespace, CronJob), or to print: the Job template without a CronJob. */
  public List<Object> objects() {
    List<Object> all = new ArrayList<>();
    all.add(namespace);
    cronJob.ifPresentOrElse(all::add, () -> all.add(jobTemplate));
    return all;
  }
}
