package io.paasta.backend.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.paasta.backend.kubernetes.adhoc.KubernetesAdhocRunner;
import io.paasta.backend.kubernetes.apply.ClusterCache;
import io.paasta.backend.kubernetes.apply.InstanceDetails;
import io.paasta.backend.kubernetes.apply.InstanceObjects;
import io.paasta.backend.kubernetes.apply.LeaderLease;
import io.paasta.backend.kubernetes.apply.ObjectPlanner;
import io.paasta.backend.kubernetes.apply.ObjectWriter;
import io.paasta.backend.kubernetes.apply.OrphanPlanner;
import io.paasta.backend.kubernetes.apply.PlanMemo;
import io.paasta.backend.kubernetes.apply.PodKiller;
import io.paasta.backend.kubernetes.apply.PodTasks;
import io.paasta.backend.kubernetes.jobs.JobManifests;
import io.paasta.backend.kubernetes.jobs.KubernetesJobRunner;
import io.paasta.backend.kubernetes.logs.PodOutputCollector;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import io.paasta.backend.kubernetes.secrets.SecretSync;
import io.paasta.backend.kubernetes.secrets.SecretWriter;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.backend.TaskLogSink;
import io.paasta.planning.observed.InstanceDetail;
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

    /**
     * Everything {@link #render} reads for this instance, as a value: equal inputs render equal
     * objects, so a pass over an instance whose inputs and observed objects did not change reuses
     * its last diff. By default a new object each time (never equal: always rendered).
     */
    default Object inputs(
        InstanceRef ref, DesiredInstance desired, Optional<LongRunningConfig> config) {
      return new Object();
    }
  }

  private final String cluster;
  private final KubernetesClient client;
  private final Rendering rendering;
  private final Clock clock;
  private final ClusterCache cache;
  private final ObjectPlanner planner;
  private final PlanMemo memo = new PlanMemo();
  private final List<PodOutputCollector> outputs = new CopyOnWriteArrayList<>();
  private final ObjectWriter writer;
  private final PodKiller podKiller;
  private final Optional<LeaderLease> lease;
  private final KubernetesJobRunner jobs;
  private volatile Optional<KubernetesAdhocRunner> adhoc = Optional.empty();
  private final SecretSync secrets;
  private final SecretWriter secretWriter;
  private final FleetSettings fleet;
  private final OrphanSweeper sweeper;
  private final java.util.concurrent.ScheduledExecutorService sweeps =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "paasta-k8s-sweep");
            thread.setDaemon(true);
            return thread;
          });
  private final List<Consumer<InstanceRef>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> engineBack = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicBoolean leading =
      new java.util.concurrent.atomic.AtomicBoolean();

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
    this(cluster, client, rendering, clock, lease, FleetSettings.none(cluster), JobManifests.NONE);
  }

  /**
   * {@link #KubernetesBackend(String, KubernetesClient, Rendering, Clock,
   * java.util.function.Function, FleetSettings, JobManifests)} without Secrets, pull secret or
   * clean-up.
   */
  public KubernetesBackend(
      String cluster,
      KubernetesClient client,
      Rendering rendering,
      Clock clock,
      java.util.function.Function<Runnable, Optional<LeaderLease>> lease,
      JobManifests jobs) {
    this(cluster, client, rendering, clock, lease, FleetSettings.none(cluster), jobs);
  }

  /**
   * {@link #KubernetesBackend(String, KubernetesClient, Rendering, Clock,
   * java.util.function.Function, FleetSettings, JobManifests)} without scheduled jobs.
   */
  public KubernetesBackend(
      String cluster,
      KubernetesClient client,
      Rendering rendering,
      Clock clock,
      java.util.function.Function<Runnable, Optional<LeaderLease>> lease,
      FleetSettings fleet) {
    this(cluster, client, rendering, clock, lease, fleet, JobManifests.NONE);
  }

  /**
   * @param fleet where the Secrets of the instances' env and the image pull secret come from, and
   *     how shared objects no instance uses any more are cleaned up
   * @param jobs makes the Job of each scheduled job's attempt (see {@link #jobRunner})
   */
  public KubernetesBackend(
      String cluster,
      KubernetesClient client,
      Rendering rendering,
      Clock clock,
      java.util.function.Function<Runnable, Optional<LeaderLease>> lease,
      FleetSettings fleet,
      JobManifests jobs) {
    this.cluster = cluster;
    this.client = client;
    this.rendering = rendering;
    this.clock = clock;
    this.cache = new ClusterCache(client, this::changed);
    this.planner = new ObjectPlanner(client.getKubernetesSerialization());
    this.writer = new ObjectWriter(client);
    this.podKiller = new PodKiller(client);
    this.secrets = new SecretSync(fleet.secrets(), client.getKubernetesSerialization());
    this.secretWriter = new SecretWriter(client, fleet.secrets());
    this.fleet = fleet;
    this.lease = lease.apply(this::leadershipChanged);
    this.jobs = new KubernetesJobRunner(cluster, client, jobs, clock, this::follower);
    this.sweeper =
        new OrphanSweeper(
            cache,
            () -> cache.orphanView().with(alsoInNamespaces(), this.jobs.workloads()),
            new OrphanPlanner(client.getKubernetesSerialization()),
            fleet,
            clock,
            () -> this.lease.map(LeaderLease::leading).orElse(true),
            this::write);
  }

  /** The jobs' objects and the remote-runs' pods: a namespace that holds them is not empty. */
  private List<HasMetadata> alsoInNamespaces() {
    List<HasMetadata> all = new ArrayList<>(jobs.objects());
    adhoc.ifPresent(runner -> all.addAll(runner.pods()));
    return all;
  }

  /**
   * On becoming the leader, every instance gets a pass at once (as when the engine comes back):
   * what the previous leader left half done is planned again by this daemon.
   */
  private void leadershipChanged() {
    Optional<LeaderLease> current = lease;
    if (current == null || current.isEmpty()) {
      return; // still in the constructor: the daemon's first scan passes every instance anyway
    }
    boolean now = current.get().leading();
    if (now && !leading.getAndSet(true)) {
      String why =
          "this daemon (" + current.get().identity() + ") leads cluster " + cluster + " now";
      engineBack.forEach(listener -> listener.accept(why));
    } else if (!now) {
      leading.set(false);
    }
  }

  @Override
  public void onEngineBack(Consumer<String> listener) {
    engineBack.add(listener);
  }

  /**
   * Starts the informers and waits, at most {@code max}, for their first lists.
   *
   * @return this
   * @throws BackendException naming the API server when it did not answer in time
   */
  public KubernetesBackend start(Duration max) {
    if (!cache.start(max) || !jobs.start(max)) {
      throw new BackendException(
          "the Kubernetes API server of cluster "
              + cluster
              + " at "
              + client.getMasterUrl()
              + " did not list the managed objects within "
              + max.toSeconds()
              + " s (is it up, and may the daemon's account list and watch them?)");
    }
    if (lease.isPresent()) {
      long every = fleet.sweepEvery().toMillis();
      sweeps.scheduleWithFixedDelay(
          this::sweepQuietly, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /**
   * Deletes the shared objects no instance uses any more (namespaces left empty, Services no
   * instance registers in, Secrets no pod names), when this daemon leads: the daemon does so every
   * {@link FleetSettings#sweepEvery}.
   *
   * @return what it did or refused, as said in the log
   */
  public List<String> sweepOrphans() {
    return sweeper.sweep();
  }

  private void sweepQuietly() {
    try {
      sweeper.sweep();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(KubernetesBackend.class).warn("clean-up failed: " + e);
    }
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
    Optional<ObservedInstance> known = memo.observed(ref);
    if (known.isPresent()) {
      return known.get(); // no event of its pods since: the same tasks
    }
    ClusterCache.Changes changes = cache.changes(ref.service(), ref.instance());
    Instant now = clock.instant();
    List<Pod> pods = cache.pods(ref.service(), ref.instance());
    ObservedInstance observed =
        new ObservedInstance(ref, pods.stream().map(p -> PodTasks.task(p, now)).toList());
    if (pods.stream().allMatch(PodTasks::timeless)) {
      memo.rememberObserved(ref, changes, observed);
    }
    return observed;
  }

  @Override
  public Optional<InstanceDetail> detail(
      InstanceRef ref, Optional<DesiredInstance> desired, Instant now) {
    return Optional.of(
        InstanceDetails.of(
            desired, cache.of(ref.service(), ref.instance(), Optional.empty()), now));
  }

  @Override
  public Plan plan(
      InstanceRef ref,
      boolean inSoaConfigs,
      Optional<DesiredInstance> desired,
      Optional<LongRunningConfig> config,
      ObservedInstance observed,
      Instant now) {
    Plan plan;
    if (desired.isPresent()) {
      Object inputs = rendering.inputs(ref, desired.get(), config);
      Optional<Plan> steady = memo.steady(ref, inputs);
      if (steady.isPresent()) {
        return steady.get(); // nothing it reads changed since its last plan: no cache reads
      }
      Deployed deployed = planDeployed(ref, desired.get(), config, inputs, now);
      plan =
          secrets.plan(
              desired.get(),
              deployed.namespace(),
              deployed.current(),
              cache.configMaps(Optional.of(deployed.namespace())),
              deployed.plan());
      if (secrets.none(desired.get())) {
        // with Secrets, their values (files, not objects) are read again at each pass
        memo.rememberPlan(ref, inputs, deployed.changes(), plan);
      }
    } else {
      memo.forget(ref);
      InstanceObjects current = cache.of(ref.service(), ref.instance(), Optional.empty());
      plan = planner.plan(inSoaConfigs, desired, Optional.empty(), current, now);
    }
    Optional<String> follower = follower();
    if (follower.isPresent() && !plan.actions().isEmpty()) {
      return new Plan(
          List.of(),
          true,
          Optional.empty(),
          plan.status() + " (" + follower.get() + "; this daemon executes nothing)");
    }
    return plan;
  }

  /** Empty while this daemon leads (or runs alone); else {@code a follower: <leader> leads}. */
  private Optional<String> follower() {
    Optional<LeaderLease> current = lease;
    return current == null ? Optional.empty() : current.flatMap(LeaderLease::follower);
  }

  /**
   * A deployed instance's plan: the last diff's actions when its inputs and observed objects are
   * unchanged since ({@link PlanMemo}), else a new rendering and diff.
   */
  private Deployed planDeployed(
      InstanceRef ref,
      DesiredInstance desired,
      Optional<LongRunningConfig> config,
      Object inputs,
      Instant now) {
    Optional<String> namespace = memo.namespace(ref, inputs);
    if (namespace.isPresent()) {
      ClusterCache.Changes changes = cache.changes(ref.service(), ref.instance(), namespace.get());
      InstanceObjects current = objectsOf(ref, namespace.get());
      Optional<List<Action>> known = memo.actions(ref, inputs, current);
      if (known.isPresent()) {
        return new Deployed(
            planner.plan(desired, known.get(), current, now), namespace.get(), current, changes);
      }
    }
    List<HasMetadata> objects = annotated(ref, desired, rendering.render(ref, desired, config));
    String rendered = objects.get(0).getMetadata().getName();
    ClusterCache.Changes changes = cache.changes(ref.service(), ref.instance(), rendered);
    InstanceObjects current = objectsOf(ref, rendered);
    List<Action> actions = planner.actions(objects, current);
    memo.remember(ref, inputs, objects, current, actions);
    return new Deployed(planner.plan(desired, actions, current, now), rendered, current, changes);
  }

  /**
   * A deployed instance's plan, with the namespace it renders into, its objects there and the
   * informers' event counts read before them.
   */
  private record Deployed(
      Plan plan, String namespace, InstanceObjects current, ClusterCache.Changes changes) {}

  /** The instance's objects in the caches, with the namespace it renders into. */
  private InstanceObjects objectsOf(InstanceRef ref, String namespace) {
    return cache.of(ref.service(), ref.instance(), Optional.of(namespace));
  }

  /**
   * Carries out an object change (the leader only) or kills tasks: {@link Action.KillTasks} (an
   * emergency restart) deletes the named pods of the instance ({@link PodKiller}), on any daemon:
   * their ReplicaSet replaces them, which no leader's work contradicts.
   */
  @Override
  public void execute(InstanceRef ref, Action action) {
    if (action instanceof Action.KillTasks kill) {
      podKiller.kill(ref, cache.of(ref.service(), ref.instance(), Optional.empty()).pods(), kill);
      return;
    }
    if (!(action instanceof Action.ChangeObject change)) {
      throw new BackendException(
          ref + ": the Kubernetes backend changes objects, not tasks: " + action);
    }
    if (lease.isPresent() && !lease.get().leading()) {
      throw new BackendException(
          ref + ": " + change.object() + " not changed: this daemon is no longer the leader");
    }
    write(change);
  }

  private void write(Action.ChangeObject change) {
    if (SecretWriter.handles(change)) {
      secretWriter.write(change);
    } else {
      writer.write(change);
    }
  }

  @Override
  public void onTaskChange(Consumer<InstanceRef> listener) {
    listeners.add(listener);
  }

  @Override
  public void awaitHealthKnown(Duration max) {
    // readiness is the kubelet's: known as soon as the informers have listed (see start)
  }

  /** The informers' caches (tests wait for what they hold). */
  ClusterCache cache() {
    return cache;
  }

  /** The scheduled jobs' Jobs and CronJobs the informers hold (for tests). */
  int jobRunnerObjects() {
    return jobs.objects().size();
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  /** Labelled objects in the informers' caches (for benchmarks). */
  public int cachedObjects() {
    return cache.size();
  }

  /** Scheduled jobs' attempts as Jobs ({@link KubernetesJobRunner}). */
  /**
   * Collects the output of the cluster's managed pods into {@code sink} ({@code paasta logs}) until
   * closed; nothing when it is {@link TaskLogSink#NONE}.
   *
   * @return this
   */
  public KubernetesBackend collectOutput(TaskLogSink sink) {
    if (sink != TaskLogSink.NONE) {
      outputs.add(PodOutputCollector.started(client, this::refOf, sink, clock));
    }
    return this;
  }

  @Override
  public Optional<JobRunner> jobRunner() {
    return Optional.of(jobs);
  }

  /**
   * Runs {@code paasta remote-run}s of the cluster as pods ({@link KubernetesAdhocRunner}) from now
   * on: starts its informer and waits, at most {@code max}, for its first list.
   *
   * @return this
   * @throws BackendException when the API server did not list the adhoc pods in time
   */
  public KubernetesBackend runAdhoc(io.paasta.model.KubernetesCluster settings, Duration max) {
    KubernetesAdhocRunner runner = new KubernetesAdhocRunner(settings, client);
    if (!runner.start(max)) {
      runner.close();
      throw new BackendException(
          "the Kubernetes API server of cluster "
              + cluster
              + " did not list the remote-runs' pods within "
              + max.toSeconds()
              + " s");
    }
    adhoc = Optional.of(runner);
    return this;
  }

  @Override
  public Optional<io.paasta.planning.backend.AdhocRunner> adhocRunner() {
    return adhoc.map(runner -> runner);
  }

  @Override
  public void close() {
    sweeps.shutdownNow();
    outputs.forEach(PodOutputCollector::close);
    lease.ifPresent(LeaderLease::close);
    jobs.close();
    adhoc.ifPresent(KubernetesAdhocRunner::close);
    cache.close();
    client.close();
  }

  private void changed(HasMetadata object) {
    refOf(object).ifPresent(ref -> listeners.forEach(l -> l.accept(ref)));
  }

  private Optional<InstanceRef> refOf(HasMetadata object) {
    return refOf(cluster, object);
  }

  /** The instance an object of {@code cluster} belongs to, from its labels and kind annotation. */
  public static Optional<InstanceRef> refOf(String cluster, HasMetadata object) {
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
