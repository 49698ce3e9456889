package io.paasta.server.smartstack;

import io.paasta.discovery.haproxy.LocalProxy;
import io.paasta.discovery.haproxy.ProxySettings;
import io.paasta.discovery.haproxy.ProxyStats;
import io.paasta.discovery.location.HostLocation;
import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.SystemConfig;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.loop.PassParticipant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Marks each task of an instance UP in HAProxy or not (in any namespace of the instance this host
 * routes), for {@code check_haproxy}; an instance none of whose namespaces this host routes has
 * nothing to be UP in: its running tasks count as in HAProxy. It only reads: the daemon's
 * SmartStack participant registers tasks and then marks them with it; {@code paasta plan} marks
 * them alone.
 */
public final class HaproxyMarks implements PassParticipant {
  private final Supplier<RoutedNamespaces> namespaces;
  private final Supplier<ProxyStats> stats;

  /**
   * @param namespaces the namespaces this host routes now
   * @param stats HAProxy's stats now (none while it does not answer)
   */
  public HaproxyMarks(Supplier<RoutedNamespaces> namespaces, Supplier<ProxyStats> stats) {
    this.namespaces = namespaces;
    this.stats = stats;
  }

  /**
   * As {@code paasta plan} reads them, without running SmartStack: the namespaces from the
   * soa-configs, the stats from the HAProxy a daemon with these settings runs.
   */
  public static HaproxyMarks readOnly(
      ServiceConfigs configs, SystemConfig system, SmartStackSettings settings) {
    HostLocation host = HostLocation.fromSystemConfig(system);
    LocalProxy proxy =
        new LocalProxy(
            ProxySettings.defaults(settings.haproxyDir())
                .withStatsPort(settings.statsPort())
                .withServicesFile(settings.servicesFile()));
    return new HaproxyMarks(
        () -> RoutedNamespaces.of(configs.services().values(), host),
        () -> {
          try {
            return proxy.stats();
          } catch (RuntimeException e) {
            return new ProxyStats(Map.of(), Map.of());
          }
        });
  }

  /** The tasks of an instance in soa-configs, marked; those of one gone from them as they are. */
  @Override
  public ObservedInstance observed(
      InstanceRef ref, Optional<LongRunningConfig> config, ObservedInstance observed) {
    return config.map(c -> mark(c, observed)).orElse(observed);
  }

  /** The tasks, each marked UP in HAProxy or not. */
  public ObservedInstance mark(LongRunningConfig config, ObservedInstance observed) {
    List<String> routed = namespaces.get().routedRegistrations(config);
    if (routed.isEmpty()) {
      return withInHaproxy(observed, task -> task.isRunning());
    }
    ProxyStats now = stats.get();
    return withInHaproxy(
        observed,
        task ->
            task.port0().isPresent()
                && routed.stream()
                    .anyMatch(
                        ns ->
                            now.backend(ns)
                                .map(b -> b.isUp("127.0.0.1:" + task.port0().getAsInt()))
                                .orElse(false)));
  }

  private static ObservedInstance withInHaproxy(
      ObservedInstance observed, Predicate<ObservedTask> up) {
    return new ObservedInstance(
        observed.ref(), observed.tasks().stream().map(t -> t.withInHaproxy(up.test(t))).toList());
  }
}
