package io.paasta.backend.kubernetes.jobs;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.paasta.backend.kubernetes.apply.ObjectDiff;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.KubernetesNames;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.plan.Action;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CronJobs of the jobs cron can express (section 14), in line with soa-configs: created when
 * missing, updated when their rendering changed (a hash of it is on each), suspended with the job
 * (the renderer says {@code suspend} for a disabled or stopped job), deleted when the job is gone
 * from soa-configs or no longer cron's (its Jobs go with it: background propagation). A CronJob
 * edited by hand (its hash kept, a field the rendering sets changed) is set back as soon as the
 * watch shows the edit ({@link #changed}), and by the next pass if that failed, with a log line
 * naming the fields; only the fields the rendering sets are compared ({@link ObjectDiff}), and a
 * resource version found in line is not compared again (as the Deployments' {@code PlanMemo}).
 * Reads come from the informers; a pass with nothing to change writes nothing.
 */
final class CronJobReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(CronJobReconciler.class);

  private final String cluster;
  private final KubernetesClient client;
  private final JobManifests manifests;
  private final JobCache cache;
  private final Namespaces namespaces;
  private final BooleanSupplier leading;
  private final Consumer<String> setBack;

  /** The last rendering of each CronJob (by namespace/name), as JSON trees. */
  private final Map<String, Map<String, Object>> rendered = new ConcurrentHashMap<>();

  /** The resource version at which each CronJob was last found (or written) as rendered. */
  private final Map<String, String> inLine = new ConcurrentHashMap<>();

  /** Creates a namespace when it is missing. */
  @FunctionalInterface
  interface Namespaces {
    void ensure(String namespace);
  }

  CronJobReconciler(
      String cluster,
      KubernetesClient client,
      JobManifests manifests,
      JobCache cache,
      Namespaces namespaces,
      BooleanSupplier leading,
      Consumer<String> setBack) {
    this.cluster = cluster;
    this.client = client;
    this.manifests = manifests;
    this.cache = cache;
    this.namespaces = namespaces;
    this.leading = leading;
    this.setBack = setBack;
  }

  /**
   * A managed CronJob as the watch shows it now: set back at once when a field its last rendering
   * sets differs (edited by hand), when this daemon leads. Never throws (the informer's thread): a
   * refusal is logged and the next pass retries.
   */
  void changed(CronJob now) {
    Map<String, Object> want = rendered.get(key(now));
    if (want == null || !leading.getAsBoolean()) {
      return; // not rendered by this daemon yet: its next pass compares
    }
    try {
      setBackIfEdited(want, now);
    } catch (BackendException e) {
      LOG.warn("CronJob {} edited by hand could not be set back: {}", key(now), e.getMessage());
    }
  }

  /** Updates {@code observed} to {@code want} when a field {@code want} sets differs. */
  private synchronized void setBackIfEdited(Map<String, Object> want, CronJob observed) {
    String key = key(observed);
    String version = observed.getMetadata().getResourceVersion();
    if (version != null && version.equals(inLine.get(key))) {
      return;
    }
    List<String> fields = ObjectDiff.fields(want, tree(observed));
    if (fields.isEmpty()) {
      inLine.put(key, version);
      return;
    }
    CronJob back = client.getKubernetesSerialization().convertValue(want, CronJob.class);
    back.getMetadata().setResourceVersion(version);
    try {
      CronJob written = client.resource(back).update();
      inLine.put(key, written.getMetadata().getResourceVersion());
      setBack.accept(
          "CronJob "
              + key
              + " was edited by hand ("
              + String.join(", ", fields)
              + " differed from soa-configs): set back");
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return; // edited again meanwhile: the watch shows it, and it is compared again
      }
      throw KubernetesJobRunner.failure(
          Action.ObjectVerb.UPDATE,
          observed.getMetadata().getNamespace(),
          observed.getMetadata().getName(),
          "CronJob",
          e);
    }
  }

  private Map<String, Object> tree(CronJob cronJob) {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = client.getKubernetesSerialization().convertValue(cronJob, Map.class);
    return tree;
  }

  Set<InstanceRef> reconcile(
      Map<InstanceRef, DesiredJob> desired,
      Function<InstanceRef, Optional<JobConfig>> configs,
      Set<String> leftAlone,
      BiConsumer<InstanceRef, String> problems) {
    Map<InstanceRef, CronJob> observed = new HashMap<>();
    for (CronJob cronJob : cache.cronJobs()) {
      JobObjects.jobOf(cronJob, cluster).ifPresent(ref -> observed.put(ref, cronJob));
    }
    Set<InstanceRef> byItself = new HashSet<>();
    Set<String> kept = new HashSet<>();
    for (Map.Entry<InstanceRef, DesiredJob> entry : desired.entrySet()) {
      InstanceRef ref = entry.getKey();
      Optional<CronJob> current = Optional.ofNullable(observed.get(ref));
      Optional<CronJob> wanted;
      try {
        wanted = configs.apply(ref).flatMap(config -> manifests.cronJob(entry.getValue(), config));
      } catch (BackendException e) {
        current.ifPresent(c -> kept.add(key(c))); // not deployed, say: its CronJob stays as it is
        current.ifPresent(c -> byItself.add(ref));
        continue;
      }
      if (wanted.isEmpty()) {
        continue;
      }
      CronJob cronJob =
          JobObjects.cronJob(
              wanted.get(),
              ref,
              KubernetesNames.md5Hex(client.getKubernetesSerialization().asJson(wanted.get())));
      kept.add(key(cronJob));
      try {
        write(cronJob, current.filter(c -> key(c).equals(key(cronJob))));
        byItself.add(ref);
      } catch (BackendException e) {
        problems.accept(
            ref, "as a CronJob (" + e.getMessage() + "); the daemon's scheduler starts its runs");
        if (current.isPresent()) {
          byItself.add(ref); // the CronJob there still schedules it
          kept.add(key(current.get()));
        }
      }
    }
    for (CronJob cronJob : cache.cronJobs()) {
      Optional<InstanceRef> ref = JobObjects.jobOf(cronJob, cluster);
      if (ref.isPresent()
          && !kept.contains(key(cronJob))
          && !leftAlone.contains(ref.get().service())) {
        delete(cronJob, ref.get(), problems);
      }
    }
    return byItself;
  }

  private void write(CronJob cronJob, Optional<CronJob> current) {
    String sha = cronJob.getMetadata().getAnnotations().get(JobObjects.CRONJOB_SHA);
    Map<String, Object> want = tree(cronJob);
    rendered.put(key(cronJob), want);
    if (current.isPresent()
        && sha.equals(
            JobObjects.annotations(current.get().getMetadata()).get(JobObjects.CRONJOB_SHA))) {
      setBackIfEdited(want, current.get());
      return;
    }
    Action.ObjectVerb verb =
        current.isPresent() ? Action.ObjectVerb.UPDATE : Action.ObjectVerb.CREATE;
    try {
      if (current.isPresent()) {
        cronJob.getMetadata().setResourceVersion(current.get().getMetadata().getResourceVersion());
        inLine.put(
            key(cronJob), client.resource(cronJob).update().getMetadata().getResourceVersion());
      } else {
        namespaces.ensure(cronJob.getMetadata().getNamespace());
        inLine.put(
            key(cronJob), client.resource(cronJob).create().getMetadata().getResourceVersion());
      }
      LOG.info("{} CronJob {}", verb, key(cronJob));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409 && current.isEmpty()) {
        return; // created meanwhile (the informer had not seen it yet): updated next pass
      }
      throw KubernetesJobRunner.failure(
          verb,
          cronJob.getMetadata().getNamespace(),
          cronJob.getMetadata().getName(),
          "CronJob",
          e);
    }
  }

  private void delete(CronJob cronJob, InstanceRef ref, BiConsumer<InstanceRef, String> problems) {
    try {
      client
          .batch()
          .v1()
          .cronjobs()
          .inNamespace(cronJob.getMetadata().getNamespace())
          .withName(cronJob.getMetadata().getName())
          .withPropagationPolicy(DeletionPropagation.BACKGROUND)
          .delete();
      rendered.remove(key(cronJob));
      inLine.remove(key(cronJob));
      LOG.info("deleted CronJob {}", key(cronJob));
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        problems.accept(
            ref,
            KubernetesJobRunner.failure(
                    Action.ObjectVerb.DELETE,
                    cronJob.getMetadata().getNamespace(),
                    cronJob.getMetadata().getName(),
                    "CronJob",
                    e)
                .getMessage());
      }
    }
  }

  private static String key(CronJob cronJob) {
    return cronJob.getMetadata().getNamespace() + "/" + cronJob.getMetadata().getName();
  }
}
