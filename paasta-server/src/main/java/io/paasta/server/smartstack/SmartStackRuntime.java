package io.paasta.server.smartstack;

import io.paasta.discovery.haproxy.LocalProxy;
import io.paasta.discovery.haproxy.ProxySettings;
import io.paasta.discovery.haproxy.ProxyStats;
import io.paasta.discovery.location.HostLocation;
import io.paasta.discovery.registration.NerveRegistrar;
import io.paasta.discovery.registration.RegistrationPlanner;
import io.paasta.discovery.watch.DiscoveryWatcher;
import io.paasta.discovery.zk.EmbeddedZooKeeper;
import io.paasta.discovery.zk.ZkClientSettings;
import io.paasta.discovery.zk.ZkClients;
import io.paasta.discovery.zk.ZooKeeperAddress;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.ServiceInstance;
import io.paasta.model.SystemConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.backend.DiscoveryDrain;
import io.paasta.server.DaemonLog;
import io.paasta.server.desired.ClusterDesiredState;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.loop.PassParticipant;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;

/**
 * SmartStack as the daemon runs it: ZooKeeper (embedded, or the system config's ensemble), the
 * registrar, the discovery watcher and the local HAProxy, wired together; the pass participant, the
 * hacheck drain and the status numbers they offer. Closing stops ZooKeeper's side and leaves
 * HAProxy routing.
 */
public final class SmartStackRuntime implements AutoCloseable {
  private final Optional<EmbeddedZooKeeper> embedded;
  private final CuratorFramework client;
  private final SmartStack smartStack;
  private final ClusterDesiredState desired;
  private final SmartStackParticipant participant;
  private final ScheduledExecutorService ticker;
  private final ServiceConfigs configs;
  private final String cluster;

  private SmartStackRuntime(
      Optional<EmbeddedZooKeeper> embedded,
      CuratorFramework client,
      SmartStack smartStack,
      ClusterDesiredState desired,
      SmartStackParticipant participant,
      ScheduledExecutorService ticker,
      ServiceConfigs configs,
      String cluster) {
    this.embedded = embedded;
    this.client = client;
    this.smartStack = smartStack;
    this.desired = desired;
    this.participant = participant;
    this.ticker = ticker;
    this.configs = configs;
    this.cluster = cluster;
  }

  /**
   * @param requestPass asks for a pass of an instance (its routing changed)
   * @throws IOException when ZooKeeper cannot be started (the message says why)
   */
  public static SmartStackRuntime start(
      SystemConfig system,
      SmartStackSettings settings,
      ServiceConfigs configs,
      ClusterDesiredState desired,
      Consumer<InstanceRef> requestPass,
      DaemonLog log,
      Clock clock)
      throws IOException {
    HostLocation host = HostLocation.fromSystemConfig(system);
    Optional<ZooKeeperAddress> external = ZkClients.configured(system);
    Optional<EmbeddedZooKeeper> embedded = Optional.empty();
    CuratorFramework client;
    if (external.isPresent()) {
      client = ZkClients.start(external.get(), ZkClientSettings.DEFAULTS);
      log.info("smartstack", "registrations in ZooKeeper " + external.get());
    } else {
      EmbeddedZooKeeper server =
          EmbeddedZooKeeper.start(settings.zookeeperDir(), settings.zookeeperPort());
      embedded = Optional.of(server);
      client = ZkClients.start(server, ZkClientSettings.DEFAULTS);
      log.info(
          "smartstack",
          "registrations in the embedded ZooKeeper on 127.0.0.1:"
              + server.port()
              + " (data: "
              + settings.zookeeperDir()
              + ")");
    }
    LocalProxy proxy =
        new LocalProxy(
            ProxySettings.defaults(settings.haproxyDir())
                .withStatsPort(settings.statsPort())
                .withServicesFile(settings.servicesFile()));
    SmartStack smartStack =
        new SmartStack(
            new NerveRegistrar(client, Duration.ofSeconds(2)),
            proxy,
            host,
            () -> configs.services().values(),
            namespaces -> instancesIn(configs, system.cluster(), namespaces).forEach(requestPass),
            settings,
            log,
            clock);
    smartStack.watchWith(new DiscoveryWatcher(client, smartStack));
    configs.onReload(smartStack::refresh);
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "paasta-smartstack");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleWithFixedDelay(
        () -> {
          try {
            smartStack.tick();
          } catch (RuntimeException e) {
            log.error("smartstack", "unexpected " + e);
          }
        },
        1,
        2,
        TimeUnit.SECONDS);
    SmartStackParticipant participant =
        new SmartStackParticipant(
            smartStack, new RegistrationPlanner(RegistrationPlanner.LOOPBACK, host), log);
    return new SmartStackRuntime(
        embedded, client, smartStack, desired, participant, ticker, configs, system.cluster());
  }

  /** Instances of the cluster that register in any of these namespaces. */
  private static List<InstanceRef> instancesIn(
      ServiceConfigs configs, String cluster, Set<String> namespaces) {
    return configs.services().values().stream()
        .flatMap(loaded -> loaded.service().instancesIn(cluster).stream())
        .filter(LongRunningConfig.class::isInstance)
        .map(LongRunningConfig.class::cast)
        .filter(
            c ->
                c.registrations().stream()
                    .map(ServiceInstance::toString)
                    .anyMatch(namespaces::contains))
        .map(InstanceConfig::ref)
        .toList();
  }

  public PassParticipant participant() {
    return participant;
  }

  /** The instance's tasks with their UP-in-HAProxy marks, for status (no registration made). */
  public io.paasta.planning.observed.ObservedInstance markedInHaproxy(
      InstanceRef ref, io.paasta.planning.observed.ObservedInstance observed) {
    return desired
        .config(ref)
        .map(config -> participant.markInHaproxy(config, observed))
        .orElse(observed);
  }

  /**
   * hacheck: the task's registrations are removed at once, and its slots in HAProxy drained (no new
   * requests; those in flight finish); it is busy while HAProxy still has sessions open to it.
   */
  public DiscoveryDrain discoveryDrain() {
    return new DiscoveryDrain() {
      @Override
      public void takeOut(InstanceRef ref, String host, int port) {
        smartStack.registrar().deregister(host, port);
        routed(ref).forEach(ns -> smartStack.proxy().drain(ns, host, port));
      }

      @Override
      public boolean busy(InstanceRef ref, String host, int port) {
        List<String> namespaces = routed(ref);
        if (namespaces.isEmpty()) {
          return false;
        }
        ProxyStats stats = smartStack.stats();
        return namespaces.stream()
            .flatMap(ns -> stats.backend(ns).stream())
            .anyMatch(backend -> backend.sessionsTo(host + ":" + port) > 0);
      }
    };
  }

  private List<String> routed(InstanceRef ref) {
    return desired
        .config(ref)
        .map(config -> smartStack.namespaces().routedRegistrations(config))
        .orElse(List.of());
  }

  /**
   * What the instance's replication check reads from SmartStack (its namespace's UP backends per
   * discover location and the count expected there); empty when it is judged by its own tasks.
   */
  public Optional<NamespaceReplication> replication(InstanceRef ref) {
    return desired
        .config(ref)
        .flatMap(
            config ->
                SmartStackStatus.replication(
                    config, smartStack.namespaces(), smartStack.stats(), this::expectedIn));
  }

  /** The desired instances of every instance of the cluster registered in the namespace. */
  private int expectedIn(String namespace) {
    Map<InstanceRef, List<ServiceInstance>> registrations = new java.util.LinkedHashMap<>();
    for (InstanceRef ref : instancesIn(configs, cluster, Set.of(namespace))) {
      desired.config(ref).ifPresent(c -> registrations.put(ref, c.registrations()));
    }
    return NamespaceReplication.expected(
        namespace,
        registrations,
        ref -> desired.of(ref).flatMap(d -> d).map(DesiredInstance::instances).orElse(0));
  }

  /** The instance's SmartStack section of its status document. */
  public Optional<Map<String, Object>> status(InstanceRef ref) {
    Optional<LongRunningConfig> config = desired.config(ref);
    if (config.isEmpty()) {
      return Optional.empty();
    }
    return SmartStackStatus.document(
        config.get(), this::expectedIn, smartStack.namespaces(), smartStack.stats());
  }

  /** Whether ZooKeeper is connected and HAProxy answers its runtime API now (for metastatus). */
  public java.util.List<io.paasta.server.metastatus.ComponentHealth> health() {
    String where =
        embedded
            .map(server -> "embedded on 127.0.0.1:" + server.port())
            .orElse(client.getZookeeperClient().getCurrentConnectionString());
    io.paasta.server.metastatus.ComponentHealth zookeeper =
        client.getZookeeperClient().isConnected()
            ? io.paasta.server.metastatus.ComponentHealth.ok("ZooKeeper", "connected, " + where)
            : io.paasta.server.metastatus.ComponentHealth.critical(
                "ZooKeeper", "not connected, " + where);
    io.paasta.server.metastatus.ComponentHealth haproxy;
    try {
      int backends = smartStack.proxy().stats().backends().size();
      haproxy =
          io.paasta.server.metastatus.ComponentHealth.ok(
              "HAProxy", "answering, " + backends + " backend(s)");
    } catch (RuntimeException e) {
      haproxy =
          io.paasta.server.metastatus.ComponentHealth.critical(
              "HAProxy", "not answering its runtime API: " + e.getMessage());
    }
    return java.util.List.of(zookeeper, haproxy);
  }

  public SmartStack smartStack() {
    return smartStack;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    smartStack.close();
    client.close();
    embedded.ifPresent(
        server -> {
          try {
            server.close();
          } catch (IOException e) {
            // stopping anyway
          }
        });
  }
}
