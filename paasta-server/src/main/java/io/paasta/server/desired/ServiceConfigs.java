package io.paasta.server.desired;

import io.paasta.config.ConfigException;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.server.DaemonLog;
import io.paasta.server.status.StatusRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The soa-configs as the daemon acts on them: each service's last good load. A service whose files
 * have errors keeps running its last good config (the problems are reported); one that was never
 * good is unknown, and nothing of it is created or removed.
 */
public final class ServiceConfigs {
  private final SoaConfigsLoader loader;
  private final StatusRegistry status;
  private final DaemonLog log;
  private final Map<String, LoadedService> lastGood = new ConcurrentHashMap<>();
  private final Set<String> unknown = ConcurrentHashMap.newKeySet();

  public ServiceConfigs(SoaConfigsLoader loader, StatusRegistry status, DaemonLog log) {
    this.loader = loader;
    this.status = status;
    this.log = log;
  }

  private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Runs {@code listener} after every reload (of one service or all). */
  public void onReload(Runnable listener) {
    listeners.add(listener);
  }

  /** Reads every service folder again. */
  public void reloadAll() {
    List<String> services = loader.listServices().services();
    lastGood.keySet().retainAll(services);
    unknown.retainAll(services);
    services.forEach(this::load);
    listeners.forEach(Runnable::run);
  }

  /** Reads one service folder again; a removed folder forgets the service. */
  public void reload(String service) {
    load(service);
    listeners.forEach(Runnable::run);
  }

  private void load(String service) {
    if (!loader.soaDir().hasService(service)) {
      lastGood.remove(service);
      unknown.remove(service);
      status.serviceProblems(service, List.of());
      return;
    }
    LoadedService loaded;
    try {
      loaded = loader.load(service);
    } catch (ConfigException e) {
      markBroken(service, List.of(e.getMessage()));
      return;
    }
    List<String> errors =
        loaded.problems().stream().filter(Problem::isError).map(Problem::format).toList();
    if (errors.isEmpty()) {
      lastGood.put(service, loaded);
      unknown.remove(service);
      status.serviceProblems(service, List.of());
    } else {
      markBroken(service, errors);
    }
  }

  private void markBroken(String service, List<String> errors) {
    List<String> before = status.serviceProblems().getOrDefault(service, List.of());
    status.serviceProblems(service, errors);
    if (!lastGood.containsKey(service)) {
      unknown.add(service);
    }
    if (!before.equals(errors)) {
      String keeping =
          lastGood.containsKey(service) ? "keeping its last good config" : "not acting on it";
      log.warn(service, errors.size() + " config problem(s), " + keeping + ": " + errors.get(0));
    }
  }

  public Optional<LoadedService> service(String service) {
    return Optional.ofNullable(lastGood.get(service));
  }

  public Map<String, LoadedService> services() {
    return Map.copyOf(lastGood);
  }

  /** Services whose config has never loaded without errors: their tasks are left alone. */
  public Set<String> unknownServices() {
    return Set.copyOf(unknown);
  }
}
