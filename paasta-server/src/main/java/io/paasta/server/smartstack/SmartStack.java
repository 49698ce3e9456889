package io.paasta.server.smartstack;

import io.paasta.config.soa.LoadedService;
import io.paasta.discovery.Endpoint;
import io.paasta.discovery.haproxy.ApplyResult;
import io.paasta.discovery.haproxy.LocalProxy;
import io.paasta.discovery.haproxy.ProxyStats;
import io.paasta.discovery.location.HostLocation;
import io.paasta.discovery.registration.NerveRegistrar;
import io.paasta.discovery.watch.DiscoveryListener;
import io.paasta.discovery.watch.DiscoveryWatcher;
import io.paasta.server.DaemonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * SmartStack on this host: tasks are registered in ZooKeeper ({@link NerveRegistrar}), the routed
 * namespaces are watched there ({@link DiscoveryWatcher}) and their endpoints handed to the local
 * HAProxy ({@link LocalProxy}) as they change. When the namespaces in soa-configs change, the
 * watcher and the frontends follow ({@link #refresh}, run after every reload of soa-configs).
 *
 * <p>The data plane outlives the control plane: closing this leaves HAProxy running with its last
 * backends; after a start, backends are only removed once the settle time has passed and ZooKeeper
 * has listed the namespace again, so the daemon has re-registered its tasks first ({@link
 * EndpointsWhileSettling}).
 */
public final class SmartStack implements DiscoveryListener {
  private final NerveRegistrar registrar;
  private final LocalProxy proxy;
  private final HostLocation host;
  private final Supplier<Collection<LoadedService>> services;
  private final Consumer<Set<String>> namespacesChanged;
  private final DaemonLog log;
  private final Clock clock;
  private final Instant settledAt;
  private DiscoveryWatcher watcher;
  private volatile RoutedNamespaces namespaces = RoutedNamespaces.NONE;
  private volatile Map<String, List<Endpoint>> endpoints = Map.of();
  private List<String> lastProblems = List.of();

  /**
   * @param services the last good config of every service
   * @param namespacesChanged told of namespaces whose routing just changed (their instances need a
   *     pass: check_haproxy)
   */
  public SmartStack(
      NerveRegistrar registrar,
      LocalProxy proxy,
      HostLocation host,
      Supplier<Collection<LoadedService>> services,
      Consumer<Set<String>> namespacesChanged,
      SmartStackSettings settings,
      DaemonLog log,
      Clock clock) {
    this.registrar = registrar;
    this.proxy = proxy;
    this.host = host;
    this.services = services;
    this.namespacesChanged = namespacesChanged;
    this.log = log;
    this.clock = clock;
    this.settledAt = clock.instant().plus(settings.settle());
    this.giveUpAt = settledAt.plus(LISTED_WITHIN);
  }

  /**
   * After the settle time, how long a namespace that ZooKeeper has listed no endpoint of since the
   * start keeps HAProxy's servers: a bound, for a namespace whose tasks are gone for good.
   */
  static final Duration LISTED_WITHIN = Duration.ofMinutes(2);

  private final Instant giveUpAt;
  private final Set<String> listedSinceStart = ConcurrentHashMap.newKeySet();

  /** Starts watching (the watcher is given this as its listener). */
  public void watchWith(DiscoveryWatcher watcher) {
    this.watcher = watcher;
    refresh();
  }

  /** Derives the namespaces from soa-configs again; follows them if they changed. */
  public synchronized void refresh() {
    RoutedNamespaces next = RoutedNamespaces.of(services.get(), host);
    if (next.equals(namespaces)) {
      return;
    }
    next.problems().stream()
        .filter(p -> !namespaces.problems().contains(p))
        .forEach(p -> log.warn("smartstack", p));
    namespaces = next;
    watcher.watch(next.watched());
    applyToProxy();
  }

  /**
   * Called every few seconds: once the settle time has passed, applies ZooKeeper's view alone
   * (removing backends no longer registered). Namespaces follow soa-configs through {@link
   * #refresh}, which the daemon calls after every reload.
   */
  public synchronized void tick() {
    Instant now = clock.instant();
    if (settledSteps == 0 && !now.isBefore(settledAt)
        || settledSteps == 1 && !now.isBefore(giveUpAt)) {
      settledSteps = now.isBefore(giveUpAt) ? 1 : 2;
      applyToProxy();
    }
  }

  /** 0 within the settle time, 1 past it, 2 once no namespace is kept for lack of a listing. */
  private int settledSteps;

  public RoutedNamespaces namespaces() {
    return namespaces;
  }

  public NerveRegistrar registrar() {
    return registrar;
  }

  public LocalProxy proxy() {
    return proxy;
  }

  /** HAProxy's stats now (one call to its socket); none while HAProxy does not answer. */
  public ProxyStats stats() {
    try {
      return proxy.stats();
    } catch (RuntimeException e) {
      return new ProxyStats(Map.of(), Map.of());
    }
  }

  @Override
  public void snapshot(Map<String, List<Endpoint>> latest) {
    Map<String, List<Endpoint>> before = endpoints;
    endpoints = Map.copyOf(latest);
    latest.forEach(
        (ns, list) -> {
          if (!list.isEmpty()) {
            listedSinceStart.add(ns);
          }
        });
    synchronized (this) {
      applyToProxy();
    }
    Set<String> changed = new java.util.TreeSet<>();
    latest.forEach(
        (ns, list) -> {
          if (!Objects.equals(before.get(ns), list)) {
            changed.add(ns);
          }
        });
    before.keySet().stream().filter(ns -> !latest.containsKey(ns)).forEach(changed::add);
    if (!changed.isEmpty()) {
      namespacesChanged.accept(changed);
    }
  }

  @Override
  public void garbage(String path, String problem) {
    log.warn("smartstack", "ignoring ZooKeeper node " + path + ": " + problem);
  }

  private void applyToProxy() {
    try {
      Map<String, List<Endpoint>> wanted =
          EndpointsWhileSettling.merge(
              stats(),
              endpoints,
              ns ->
                  EndpointsWhileSettling.settling(
                      ns, clock.instant(), settledAt, giveUpAt, listedSinceStart));
      ApplyResult result = proxy.apply(namespaces.frontends(), wanted);
      if (result.reloaded() || result.started()) {
        log.info(
            "smartstack",
            (result.started() ? "HAProxy started" : "HAProxy reloaded")
                + " with "
                + result.routed().size()
                + " frontend(s)");
      }
      if (!result.problems().equals(lastProblems)) {
        result.problems().forEach(p -> log.warn("smartstack", p));
        lastProblems = result.problems();
      }
    } catch (RuntimeException e) {
      log.error("smartstack", "HAProxy could not be updated: " + e.getMessage());
    }
  }

  /** Stops watching; HAProxy keeps routing, registrations end with the ZooKeeper session. */
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    registrar.close();
  }
}
