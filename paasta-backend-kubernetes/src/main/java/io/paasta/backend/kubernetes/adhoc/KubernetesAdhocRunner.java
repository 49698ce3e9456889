package io.paasta.backend.kubernetes.adhoc;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.paasta.backend.kubernetes.apply.ClusterCache;
import io.paasta.backend.kubernetes.apply.NamespaceCreator;
import io.paasta.backend.kubernetes.apply.ObjectWriter;
import io.paasta.backend.kubernetes.render.AdhocRenderer;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.KubernetesNames;
import io.paasta.planning.adhoc.AdhocLaunch;
import io.paasta.planning.adhoc.AdhocRun;
import io.paasta.planning.backend.AdhocRunner;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.plan.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code paasta remote-run} on Kubernetes: each run a bare Pod ({@link AdhocRenderer}: {@code
 * restartPolicy: Never}, {@code activeDeadlineSeconds} its time limit), observed through an
 * informer on the pods labelled {@link AdhocRenderer#RUN_ID}, so a daemon started again lists the
 * runs of the one before from the API server alone. A stop lowers the pod's {@code
 * activeDeadlineSeconds} to 1 (the kubelet stops it with its grace period, and the pod stays with
 * its exit code to be read); a removal deletes it; the output is read through {@code pods/log}.
 */
public final class KubernetesAdhocRunner implements AdhocRunner, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesAdhocRunner.class);

  private final String cluster;
  private final KubernetesCluster settings;
  private final KubernetesClient client;
  private final SharedIndexInformer<Pod> pods;

  /** Pods this runner created that its informer may not have seen yet (the watch lags). */
  private final Map<String, Pod> created = new java.util.concurrent.ConcurrentHashMap<>();

  public KubernetesAdhocRunner(KubernetesCluster settings, KubernetesClient client) {
    this.cluster = settings.name();
    this.settings = settings;
    this.client = client;
    this.pods =
        client
            .pods()
            .inAnyNamespace()
            .withLabel(ObjectLabels.MANAGED, "true")
            .withLabel(AdhocRenderer.RUN_ID)
            .runnableInformer(0);
  }

  /**
   * Starts the informer and waits, at most {@code max}, for its first list.
   *
   * @return false when it did not list in time (it keeps trying)
   */
  public boolean start(Duration max) {
    return ClusterCache.start(List.of(pods), max);
  }

  @Override
  public AdhocRun start(AdhocLaunch launch) {
    Pod pod = AdhocRenderer.pod(launch, settings);
    String namespace = pod.getMetadata().getNamespace();
    if (find(launch.runId()).isPresent()) {
      throw new BackendException("a remote-run " + launch.runId() + " exists already");
    }
    NamespaceCreator.ensure(client, namespace, "remote-run");
    try {
      Pod made = client.resource(pod).create();
      created.put(launch.runId(), made);
      LOG.info("created pod {}/{} for remote-run {}", namespace, name(made), launch.runId());
      return run(made).orElseThrow();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new BackendException(
            "a remote-run "
                + launch.runId()
                + " exists already (pod "
                + namespace
                + "/"
                + name(pod)
                + "): none was started");
      }
      throw failure(Action.ObjectVerb.CREATE, pod, e);
    }
  }

  @Override
  public List<AdhocRun> list() {
    return pods.getStore().list().stream()
        .map(this::run)
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(AdhocRun::startedAt).thenComparing(AdhocRun::runId))
        .toList();
  }

  @Override
  public Optional<AdhocRun> find(String runId) {
    return pod(runId).flatMap(this::run);
  }

  /** Lowers the pod's deadline to 1 s: the kubelet stops it; one that exited is no error. */
  @Override
  public void stop(String runId) {
    Optional<Pod> pod = pod(runId);
    if (pod.isEmpty() || !running(pod.get())) {
      return;
    }
    try {
      client
          .pods()
          .inNamespace(pod.get().getMetadata().getNamespace())
          .withName(name(pod.get()))
          .patch(
              PatchContext.of(PatchType.JSON_MERGE), "{\"spec\": {\"activeDeadlineSeconds\": 1}}");
      LOG.info("stopping remote-run {} (pod {})", runId, name(pod.get()));
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw failure(Action.ObjectVerb.PATCH, pod.get(), e);
      }
    }
  }

  @Override
  public void remove(String runId) {
    Optional<Pod> pod = pod(runId);
    if (pod.isEmpty()) {
      return;
    }
    created.remove(runId);
    try {
      client.resource(pod.get()).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw failure(Action.ObjectVerb.DELETE, pod.get(), e);
      }
    }
  }

  @Override
  public List<String> output(String runId, int lines) {
    Optional<Pod> pod = pod(runId);
    if (pod.isEmpty()) {
      return List.of();
    }
    return io.paasta.backend.kubernetes.logs.PodLogTail.of(client, pod.get(), lines);
  }

  /** The remote-runs' pods (their namespaces are not empty). */
  public List<Pod> pods() {
    return pods.getStore().list();
  }

  /** The run's pod: the informer's, else the one this runner created that it has not seen yet. */
  private Optional<Pod> pod(String runId) {
    String label = KubernetesNames.labelValue(runId);
    Optional<Pod> seen =
        pods.getStore().list().stream()
            .filter(p -> label.equals(labels(p).get(AdhocRenderer.RUN_ID)))
            .findFirst();
    if (seen.isPresent()) {
      created.remove(runId);
      return seen;
    }
    return Optional.ofNullable(created.get(runId));
  }

  /** The run a pod is, when it is one of this cluster's. */
  private Optional<AdhocRun> run(Pod pod) {
    Map<String, String> labels = labels(pod);
    Map<String, String> annotations = annotations(pod);
    if (!cluster.equals(labels.get(ObjectLabels.CLUSTER))
        || annotations.get(AdhocRenderer.SERVICE) == null
        || annotations.get(AdhocRenderer.INSTANCE) == null) {
      return Optional.empty();
    }
    Optional<ContainerStateTerminated> ended = terminated(pod);
    boolean running = running(pod);
    try {
      return Optional.of(
          new AdhocRun(
              new InstanceRef(
                  annotations.get(AdhocRenderer.SERVICE),
                  cluster,
                  annotations.get(AdhocRenderer.INSTANCE),
                  InstanceKind.ADHOC),
              labels.get(AdhocRenderer.RUN_ID),
              pod.getMetadata().getNamespace() + "/" + name(pod),
              annotations.getOrDefault(AdhocRenderer.COMMAND, ""),
              annotations.getOrDefault(AdhocRenderer.BY, ""),
              Instant.parse(annotations.get(AdhocRenderer.STARTED_AT)),
              Instant.parse(annotations.get(AdhocRenderer.DEADLINE)),
              running,
              running
                  ? Optional.empty()
                  : ended.map(ContainerStateTerminated::getFinishedAt).map(Instant::parse),
              running ? Optional.empty() : ended.map(ContainerStateTerminated::getExitCode)));
    } catch (RuntimeException e) {
      LOG.debug("pod {} is no readable remote-run: {}", name(pod), e.toString());
      return Optional.empty(); // annotations edited by hand: not listed, left alone
    }
  }

  /** Until its phase says it ended (the kubelet's), or its container terminated. */
  private static boolean running(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !"Succeeded".equals(phase) && !"Failed".equals(phase) && terminated(pod).isEmpty();
  }

  private static Optional<ContainerStateTerminated> terminated(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .map(ContainerStatus::getState)
        .filter(s -> s != null && s.getTerminated() != null)
        .map(s -> s.getTerminated())
        .findFirst();
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }

  private static Map<String, String> annotations(Pod pod) {
    return pod.getMetadata().getAnnotations() == null
        ? Map.of()
        : pod.getMetadata().getAnnotations();
  }

  private static String name(Pod pod) {
    return pod.getMetadata().getName();
  }

  private static BackendException failure(
      Action.ObjectVerb verb, Pod pod, KubernetesClientException e) {
    return ObjectWriter.failure(
        new Action.ChangeObject(
            "Pod", pod.getMetadata().getNamespace(), name(pod), verb, List.of(), "", "remote-run"),
        e);
  }

  @Override
  public void close() {
    pods.close();
  }
}
