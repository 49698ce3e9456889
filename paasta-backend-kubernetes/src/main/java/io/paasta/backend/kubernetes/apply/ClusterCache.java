package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import io.paasta.backend.kubernetes.secrets.SecretObjects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The observed state of a cluster: one informer (list, then watch) per kind the daemon manages,
 * each restricted to objects labelled {@code paasta.yelp.com/managed=true} and indexed by instance
 * ({@code service/instance} labels). Reads come from the caches, never from the API server: when
 * the API server is away the caches keep the last view and the informers reconnect by themselves.
 * They keep each object trimmed to what is read of it ({@link CachedObjects}).
 */
public final class ClusterCache implements AutoCloseable {
  static final String BY_INSTANCE = "paasta-instance";

  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private final SharedIndexInformer<Namespace> namespaces;
  private final SharedIndexInformer<Deployment> deployments;
  private final SharedIndexInformer<ReplicaSet> replicaSets;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<PodDisruptionBudget> pdbs;
  private final SharedIndexInformer<HorizontalPodAutoscaler> hpas;
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<ConfigMap> configMaps;

  /**
   * Per instance key ({@code service/instance}) and per namespace name, how many events the
   * informers have handled for the objects a plan reads: the instance's labelled objects (its
   * Deployment, PDB, HPA, ReplicaSets, pods) and the namespace's own objects (the Namespace, its
   * Services and ConfigMaps). Counted after the informer's store has the change. Never removed: a
   * few bytes per instance and namespace the cluster ever had.
   */
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  /**
   * Builds the informers (started by {@link #start}).
   *
   * @param changed told of every object added, changed or deleted
   */
  public ClusterCache(KubernetesClient client, Consumer<HasMetadata> changed) {
    namespaces = informer(client, Namespace.class, changed);
    deployments = informer(client, Deployment.class, changed);
    replicaSets = informer(client, ReplicaSet.class, changed);
    pods = informer(client, Pod.class, changed);
    pdbs = informer(client, PodDisruptionBudget.class, changed);
    hpas = informer(client, HorizontalPodAutoscaler.class, changed);
    services = informer(client, Service.class, changed);
    configMaps = informer(client, ConfigMap.class, changed);
  }

  private <T extends HasMetadata> SharedIndexInformer<T> informer(
      KubernetesClient client, Class<T> type, Consumer<HasMetadata> changed) {
    SharedIndexInformer<T> informer =
        client
            .resources(type)
            .inAnyNamespace()
            .withLabel(ObjectLabels.MANAGED, "true")
            .runnableInformer(0);
    informer.itemStore(new CachedObjects.Store<>());
    informer.addIndexers(Map.of(BY_INSTANCE, ClusterCache::instanceKey));
    informer.addEventHandler(new Notify<>(changed, this::count));
    informers.add(informer);
    return informer;
  }

  /**
   * Starts every informer and waits, at most {@code max}, for their first lists.
   *
   * @return false when some did not list in time (the API server is away: they keep trying)
   */
  public boolean start(Duration max) {
    return start(informers, max);
  }

  /**
   * Starts {@code informers} and waits, at most {@code max}, for their first lists.
   *
   * @return false when some did not list in time (they keep trying)
   */
  public static boolean start(List<? extends SharedIndexInformer<?>> informers, Duration max) {
    List<CompletableFuture<Void>> started =
        informers.stream().map(i -> i.start().toCompletableFuture()).toList();
    try {
      CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
          .get(max.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether every informer has its first list and a watch open now. */
  public boolean watching() {
    return informers.stream().allMatch(i -> i.hasSynced() && i.isWatching());
  }

  /**
   * The event counts of an instance's objects and of its namespace's: read before its objects, they
   * tell later whether anything a plan read from the caches may have changed since.
   */
  public Changes changes(String service, String instance, String namespace) {
    return new Changes(
        counter(INSTANCE + service + "/" + instance), counter(NAMESPACE + namespace));
  }

  /** Two event counts and the values they had when read. */
  public record Changes(
      AtomicLong instance, AtomicLong namespace, long instanceAt, long namespaceAt) {
    Changes(AtomicLong instance, AtomicLong namespace) {
      this(instance, namespace, instance.get(), namespace.get());
    }

    /** Whether no event came since these counts were read. */
    public boolean unchanged() {
      return instance.get() == instanceAt && namespace.get() == namespaceAt;
    }
  }

  private static final String INSTANCE = "i:";
  private static final String NAMESPACE = "n:";

  private AtomicLong counter(String key) {
    return counts.computeIfAbsent(key, k -> new AtomicLong());
  }

  /** Counts an event of {@code object} for its instance, or for its namespace. */
  private void count(HasMetadata object) {
    for (String key : instanceKey(object)) {
      counter(INSTANCE + key).incrementAndGet();
    }
    if (object instanceof Namespace) {
      counter(NAMESPACE + object.getMetadata().getName()).incrementAndGet();
    } else if (object instanceof Service || object instanceof ConfigMap) {
      counter(NAMESPACE + object.getMetadata().getNamespace()).incrementAndGet();
    }
  }

  /** The event count of one instance's objects (no namespace: see {@link #changes}). */
  public Changes changes(String service, String instance) {
    return new Changes(counter(INSTANCE + service + "/" + instance), NONE);
  }

  /** A count no event moves. */
  private static final AtomicLong NONE = new AtomicLong();

  /** The pods of one instance. */
  public List<Pod> pods(String service, String instance) {
    return pods.getIndexer().byIndex(BY_INSTANCE, service + "/" + instance);
  }

  /** The objects of one instance; {@code namespace} is where its desired objects go. */
  public InstanceObjects of(String service, String instance, Optional<String> namespace) {
    String key = service + "/" + instance;
    Optional<Namespace> ns = namespace.map(name -> namespaces.getIndexer().getByKey(name));
    List<Service> inNamespace =
        namespace.map(name -> services.getIndexer().byIndex("namespace", name)).orElse(List.of());
    return new InstanceObjects(
        ns,
        first(deployments, key),
        first(pdbs, key),
        first(hpas, key),
        inNamespace,
        replicaSets.getIndexer().byIndex(BY_INSTANCE, key),
        pods.getIndexer().byIndex(BY_INSTANCE, key));
  }

  /** Every Deployment, PDB and HPA (the objects that make an instance exist). */
  public List<HasMetadata> instanceObjects() {
    List<HasMetadata> all = new ArrayList<>();
    all.addAll(deployments.getStore().list());
    all.addAll(pdbs.getStore().list());
    all.addAll(hpas.getStore().list());
    return all;
  }

  /** The labelled objects, for the benchmark's memory figure and tests. */
  public int size() {
    return informers.stream().mapToInt(i -> i.getStore().list().size()).sum();
  }

  public Optional<Namespace> namespace(String name) {
    return Optional.ofNullable(namespaces.getIndexer().getByKey(name));
  }

  private static <T> Optional<T> first(SharedIndexInformer<T> informer, String key) {
    return informer.getIndexer().byIndex(BY_INSTANCE, key).stream().findFirst();
  }

  static List<String> instanceKey(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    if (labels == null
        || !labels.containsKey(ObjectLabels.SERVICE)
        || !labels.containsKey(ObjectLabels.INSTANCE)) {
      return List.of();
    }
    return List.of(labels.get(ObjectLabels.SERVICE) + "/" + labels.get(ObjectLabels.INSTANCE));
  }

  /** What the clean-up of shared objects looks at (see {@link OrphanPlanner}). */
  public OrphanPlanner.View orphanView() {
    List<OrphanPlanner.Workload> workloads =
        deployments.getStore().list().stream().map(OrphanPlanner.Workload::of).toList();
    return new OrphanPlanner.View(
        namespaces.getStore().list(),
        instanceObjects(),
        workloads,
        services.getStore().list(),
        configMaps(Optional.empty()).stream()
            .filter(c -> c.getMetadata().getLabels() != null)
            .filter(c -> c.getMetadata().getLabels().containsKey(SecretObjects.SIGNATURE_LABEL))
            .toList());
  }

  /**
   * The managed ConfigMaps (the Secrets' signatures) of a namespace, or of every namespace: the
   * daemon watches these, never the Secrets themselves.
   */
  public List<ConfigMap> configMaps(Optional<String> namespace) {
    return namespace
        .map(name -> configMaps.getIndexer().byIndex("namespace", name))
        .orElseGet(() -> configMaps.getStore().list());
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }

  /**
   * @param counted told first, of the object before and after a change (its labels may move it)
   */
  private record Notify<T extends HasMetadata>(
      Consumer<HasMetadata> changed, Consumer<HasMetadata> counted)
      implements ResourceEventHandler<T> {
    @Override
    public void onAdd(T object) {
      tell(object);
    }

    @Override
    public void onUpdate(T before, T after) {
      counted.accept(before);
      tell(after);
    }

    @Override
    public void onDelete(T object, boolean finalStateUnknown) {
      tell(object);
    }

    private void tell(T object) {
      counted.accept(object);
      changed.accept(object);
    }
  }
}
