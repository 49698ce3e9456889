package io.paasta.backend.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.paasta.backend.kubernetes.apply.ClusterCache;
import io.paasta.backend.kubernetes.apply.InstanceObjects;
import io.paasta.backend.kubernetes.apply.LeaderLease;
import io.paasta.backend.kubernetes.apply.ObjectPlanner;
import io.paasta.backend.kubernetes.apply.ObjectWriter;
import io.paasta.backend.kubernetes.apply.PodTasks;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A cluster's long-running instances as Kubernetes objects (SPEC section 14). Observed state comes
 * from informers ({@link ClusterCache}), never from polling; plans are object diffs ({@link
 * ObjectPlanner}); execution is create, update and merge patch ({@link ObjectWriter}). Pods are the
 * tasks, grouped into apps by version (one ReplicaSet each). With a {@link LeaderLease}, only the
 * leader executes: followers plan and report.
 */
public final class KubernetesBackend implements Backend {
  /** The annotation that keeps the kind of file an instance came from ({@code kubernetes}). */
  public static final String KIND = ObjectLabels.PREFIX + "instance_kind";

  /** What an instance renders to: its objects, the namespace first. */
  @FunctionalInterface
  public interface Rendering {
    List<HasMetadata> render(
        InstanceRef ref, DesiredInstance desired, Optional<LongRunningConfig> config);
  }

  private final String cluster;
  private final KubernetesClient client;
  private final Rendering rendering;
  private final Clock clock;
  private final ClusterCache cache;
  private final ObjectPlanner planner;
  private final ObjectWriter writer;
  private final Optional<LeaderLease> lease;
  private final List<Consumer<InstanceRef>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Builds the backend and its informers; {@link #start} starts them.
   *
   * @param lease given when several daemons may run for this cluster
   */
  public KubernetesBackend(
      String cluster,
      KubernetesClient client,
      Rendering rendering,
      Clock clock,
      java.util.function.Function<Runnable, Optional<LeaderLease>> lease) {
    this.cluster = cluster;
    this.client = client;
    this.rendering = rendering;
    this.clock = clock;
    this.cache = new ClusterCache(client, this::changed);
    this.planner = new ObjectPlanner(client.getKubernetesSerialization());
    this.writer = new ObjectWriter(client);
    this.lease = lease.apply(() -> {});
  }

  /**
   * Starts the informers and waits, at most {@code max}, for their first lists.
   *
   * @return this
   * @throws BackendException naming the API server when it did not answer in time
   */
  public KubernetesBackend start(Duration max) {
    if (!cache.start(max)) {
      throw new BackendException(
          "the Kubernetes API server of cluster "
              + cluster
              + " at "
              + client.getMasterUrl()
              + " did not list the managed objects within "
              + max.toSeconds()
              + " s (is it up, and may the daemon's account list and watch them?)");
    }
    return this;
  }

  @Override
  public List<ObservedInstance> observeAll() {
    Map<InstanceRef, Boolean> refs = new LinkedHashMap<>();
    for (HasMetadata object : cache.instanceObjects()) {
      refOf(object).ifPresent(ref -> refs.put(ref, true));
    }
    List<ObservedInstance> all = new ArrayList<>();
    refs.keySet().forEach(ref -> all.add(observe(ref)));
    return all;
  }

  @Override
  public ObservedInstance observe(InstanceRef ref) {
    Instant now = clock.instant();
    List<Pod> pods = cache.of(ref.service(), ref.instance(), Optional.empty()).pods();
    return new ObservedInstance(ref, pods.stream().map(p -> PodTasks.task(p, now)).toList());
  }

  @Override
  public Plan plan(
      InstanceRef ref,
      boolean inSoaConfigs,
      Optional<DesiredInstance> desired,
      Optional<LongRunningConfig> config,
      ObservedInstance observed,
      Instant now) {
    Optional<List<HasMetadata>> objects =
        desired.map(d -> annotated(ref, d, rendering.render(ref, d, config)));
    Optional<String> namespace = objects.map(list -> list.get(0).getMetadata().getName());
    InstanceObjects current = cache.of(ref.service(), ref.instance(), namespace);
    Plan plan = planner.plan(inSoaConfigs, desired, objects, current, now);
    if (lease.isPresent() && !lease.get().leading() && !plan.actions().isEmpty()) {
      return new Plan(
          List.of(),
          true,
          Optional.empty(),
          plan.status()
              + " (a follower: "
              + (lease.get().leader().isEmpty() ? "no leader yet" : lease.get().leader() + " leads")
              + "; this daemon executes nothing)");
    }
    return plan;
  }

  @Override
  public void execute(InstanceRef ref, Action action) {
    if (!(action instanceof Action.ChangeObject change)) {
      throw new BackendException(
          ref + ": the Kubernetes backend changes objects, not tasks: " + action);
    }
    if (lease.isPresent() && !lease.get().leading()) {
      throw new BackendException(
          ref + ": " + change.object() + " not changed: this daemon is no longer the leader");
    }
    writer.write(change);
  }

  @Override
  public void onTaskChange(Consumer<InstanceRef> listener) {
    listeners.add(listener);
  }

  @Override
  public void awaitHealthKnown(Duration max) {
    // readiness is the kubelet's: known as soon as the informers have listed (see start)
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  /** Labelled objects in the informers' caches (for benchmarks). */
  public int cachedObjects() {
    return cache.size();
  }

  @Override
  public void close() {
    lease.ifPresent(LeaderLease::close);
    cache.close();
    client.close();
  }

  private void changed(HasMetadata object) {
    refOf(object).ifPresent(ref -> listeners.forEach(l -> l.accept(ref)));
  }

  /** The instance an object belongs to, from its labels and kind annotation. */
  private Optional<InstanceRef> refOf(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    Map<String, String> annotations =
        meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    String service = labels.get(ObjectLabels.SERVICE);
    String instance = labels.get(ObjectLabels.INSTANCE);
    if (service == null || instance == null) {
      return Optional.empty();
    }
    if (!cluster.equals(labels.getOrDefault(ObjectLabels.CLUSTER, cluster))) {
      return Optional.empty(); // another cluster's daemon manages it
    }
    InstanceKind kind = InstanceKind.KUBERNETES;
    for (InstanceKind k : InstanceKind.values()) {
      if (k.filePrefix().equals(annotations.get(KIND))) {
        kind = k;
      }
    }
    return Optional.of(new InstanceRef(service, cluster, instance, kind));
  }

  /**
   * The rendered objects with what the backend reads back: the file kind on the instance's own
   * objects and pods, and the app id on pods (so that a pod's app is the planner's app id).
   */
  static List<HasMetadata> annotated(
      InstanceRef ref, DesiredInstance desired, List<HasMetadata> objects) {
    for (HasMetadata object : objects) {
      if (!(object instanceof io.fabric8.kubernetes.api.model.Namespace)
          && !(object instanceof io.fabric8.kubernetes.api.model.Service)) {
        annotate(object.getMetadata(), Map.of(KIND, ref.kind().filePrefix()));
      }
      if (object instanceof Deployment deployment) {
        PodTemplateSpec template = deployment.getSpec().getTemplate();
        if (template.getMetadata() == null) {
          template.setMetadata(new ObjectMeta());
        }
        annotate(
            template.getMetadata(),
            Map.of(KIND, ref.kind().filePrefix(), PodTasks.APP_ID, desired.appId()));
      }
    }
    return objects;
  }

  private static void annotate(ObjectMeta meta, Map<String, String> more) {
    Map<String, String> all =
        new HashMap<>(meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
    all.putAll(more);
    meta.setAnnotations(new java.util.TreeMap<>(all));
  }
}
