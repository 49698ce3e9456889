package io.paasta.backend.kubernetes.jobs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.paasta.backend.kubernetes.apply.ClusterCache;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The observed state of the cluster's jobs: one informer (list, then watch) for the Jobs labelled
 * {@code paasta.yelp.com/managed=true}, one for their pods (the managed pods that carry the Job
 * controller's {@code job-name} label), indexed by Job, and one for the managed CronJobs. Reads
 * come from the caches, never from the API server.
 */
final class JobCache implements AutoCloseable {
  private static final String BY_JOB = "paasta-job";

  private final SharedIndexInformer<Job> jobs;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<CronJob> cronJobs;

  /**
   * @param changed told of every Job changed (before, after) or deleted (before, null), and of a
   *     Job whose pod changed (null, the Job)
   * @param cronJobChanged told of every managed CronJob added or changed (as it is now)
   */
  JobCache(KubernetesClient client, Changed changed, Consumer<CronJob> cronJobChanged) {
    jobs =
        client
            .batch()
            .v1()
            .jobs()
            .inAnyNamespace()
            .withLabel(ObjectLabels.MANAGED, "true")
            .runnableInformer(0);
    jobs.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Job job) {
            changed.job(null, job);
          }

          @Override
          public void onUpdate(Job before, Job after) {
            changed.job(before, after);
          }

          @Override
          public void onDelete(Job job, boolean finalStateUnknown) {
            changed.job(job, null);
          }
        });
    pods =
        client
            .pods()
            .inAnyNamespace()
            .withLabel(ObjectLabels.MANAGED, "true")
            .withLabel(JobObjects.JOB_NAME)
            .runnableInformer(0);
    cronJobs =
        client
            .batch()
            .v1()
            .cronjobs()
            .inAnyNamespace()
            .withLabel(ObjectLabels.MANAGED, "true")
            .runnableInformer(0);
    cronJobs.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(CronJob cronJob) {
            cronJobChanged.accept(cronJob);
          }

          @Override
          public void onUpdate(CronJob before, CronJob after) {
            cronJobChanged.accept(after);
          }

          @Override
          public void onDelete(CronJob cronJob, boolean finalStateUnknown) {
            // a CronJob deleted by hand is created again by the next pass of the scheduler
          }
        });
    pods.addIndexers(Map.of(BY_JOB, JobCache::jobKey));
    pods.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod) {
            tell(pod);
          }

          @Override
          public void onUpdate(Pod before, Pod after) {
            tell(after);
          }

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            tell(pod);
          }

          private void tell(Pod pod) {
            jobKey(pod).stream()
                .findFirst()
                .map(key -> jobs.getIndexer().getByKey(key))
                .ifPresent(job -> changed.job(null, job));
          }
        });
  }

  /** A change of a Job (or of its pods). */
  @FunctionalInterface
  interface Changed {
    void job(Job before, Job after);
  }

  /**
   * Starts the informers and waits, at most {@code max}, for their first lists.
   *
   * @return false when some did not list in time (they keep trying)
   */
  boolean start(Duration max) {
    return ClusterCache.start(List.of(jobs, pods, cronJobs), max);
  }

  List<Job> jobs() {
    return jobs.getStore().list();
  }

  Optional<Job> job(String namespace, String name) {
    return Optional.ofNullable(jobs.getIndexer().getByKey(namespace + "/" + name));
  }

  /** The managed CronJobs. */
  List<CronJob> cronJobs() {
    return cronJobs.getStore().list();
  }

  Optional<CronJob> cronJob(String namespace, String name) {
    return Optional.ofNullable(cronJobs.getIndexer().getByKey(namespace + "/" + name));
  }

  /** The Job's pods, any order. */
  List<Pod> pods(Job job) {
    return pods.getIndexer().byIndex(BY_JOB, key(job));
  }

  private static String key(HasMetadata object) {
    return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }

  private static List<String> jobKey(Pod pod) {
    Map<String, String> labels = JobObjects.labels(pod.getMetadata());
    String job = labels.get(JobObjects.JOB_NAME);
    return job == null ? List.of() : List.of(pod.getMetadata().getNamespace() + "/" + job);
  }

  @Override
  public void close() {
    jobs.close();
    pods.close();
    cronJobs.close();
  }
}
