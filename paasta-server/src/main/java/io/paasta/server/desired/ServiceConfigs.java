package io.paasta.server.desired;

import io.paasta.config.ConfigException;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.validate.ServiceCheck;
import io.paasta.server.DaemonLog;
import io.paasta.server.status.StatusRegistry;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The soa-configs as the daemon acts on them: each service's last good load. A load counts only
 * once the service's files have settled ({@link FileSettle}) and none of its problems blocks a run
 * (the same rules as {@code paasta validate}; tree-policy rules only warn). Otherwise the service
 * keeps its last good config and deployments.json (the problems are reported); one that was never
 * good is unknown, and nothing of it is created or removed. A load whose proxy_port another service
 * already uses is refused: the running service keeps its state. Each last good load is also kept in
 * files ({@link LastGoodConfigs}): a daemon restarted while a service's files are broken acts on
 * that copy (validated again) rather than leaving the service unknown.
 */
public final class ServiceConfigs {
  private final SoaConfigsLoader loader;
  private final ServiceCheck check;
  private final StatusRegistry status;
  private final DaemonLog log;
  private final Clock clock;
  private final FileSettle settle;
  private final LastGoodConfigs saved;
  private final Optional<ServiceCheck> savedCheck;
  private final ProxyPortClaims ports = new ProxyPortClaims();
  private final Map<String, LoadedService> lastGood = new ConcurrentHashMap<>();
  private final Map<String, Long> generations = new ConcurrentHashMap<>();

  /** Services whose last good load was not kept: their files changed while it ran. */
  private final Set<String> notKept = ConcurrentHashMap.newKeySet();

  private final Map<String, List<String>> lastWarnings = new ConcurrentHashMap<>();
  private final Set<String> unknown = ConcurrentHashMap.newKeySet();
  private final Map<String, Object> loading = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile BiConsumer<String, Instant> onDeferred = (service, at) -> {};

  /**
   * @param saved where each last good load is kept ({@link LastGoodConfigs#NONE}: nowhere)
   * @param savedCheck checks a service of {@code saved}'s tree (as {@code check} does soa-configs)
   */
  public ServiceConfigs(
      SoaConfigsLoader loader,
      ServiceCheck check,
      StatusRegistry status,
      DaemonLog log,
      Clock clock,
      FileSettle settle,
      LastGoodConfigs saved,
      Optional<ServiceCheck> savedCheck) {
    this.loader = loader;
    this.check = check;
    this.status = status;
    this.log = log;
    this.clock = clock;
    this.settle = settle;
    this.saved = saved;
    this.savedCheck = savedCheck;
  }

  /** The soa-configs directory the services are loaded from. */
  public Path soaRoot() {
    return loader.soaDir().root();
  }

  /**
   * As the daemon checks services: validate's rules with the cluster's {@link
   * io.paasta.config.validate.RunLimits}, files settled for {@link FileSettle#DEFAULT_SETTLE}.
   */
  public static ServiceConfigs of(
      SoaConfigsLoader loader,
      io.paasta.model.SystemConfig system,
      StatusRegistry status,
      DaemonLog log,
      Clock clock) {
    return of(loader, system, status, log, clock, LastGoodConfigs.NONE);
  }

  /**
   * As {@link #of(SoaConfigsLoader, io.paasta.model.SystemConfig, StatusRegistry, DaemonLog,
   * Clock)}, keeping each last good load in {@code saved}.
   */
  public static ServiceConfigs of(
      SoaConfigsLoader loader,
      io.paasta.model.SystemConfig system,
      StatusRegistry status,
      DaemonLog log,
      Clock clock,
      LastGoodConfigs saved) {
    io.paasta.config.validate.SchemaValidator schemas =
        new io.paasta.config.validate.SchemaValidator();
    io.paasta.config.validate.RunLimits limits =
        io.paasta.config.validate.RunLimits.of(system.raw());
    return new ServiceConfigs(
        loader,
        new ServiceCheck(loader, schemas, limits),
        status,
        log,
        clock,
        new FileSettle(FileSettle.DEFAULT_SETTLE),
        saved,
        saved.root().map(root -> new ServiceCheck(SoaConfigsLoader.open(root), schemas, limits)));
  }

  /** Runs {@code listener} after every reload (of one service or all). */
  public void onReload(Runnable listener) {
    listeners.add(listener);
  }

  /** Tells {@code listener} of a service not loaded yet because a file is being written. */
  public void onDeferred(BiConsumer<String, Instant> listener) {
    this.onDeferred = listener;
  }

  /** Tells of a change the watcher (or the daemon itself) saw to a file of {@code service}. */
  public void fileChanged(String service, String file, FileSettle.Change change) {
    settle.changed(service, file, change, clock.instant());
  }

  /**
   * Reads every service folder again: running services first, then the others by the time their
   * files last changed, so that of two services claiming one proxy_port the later one is refused.
   */
  public void reloadAll() {
    List<String> services = new ArrayList<>(loader.listServices().services());
    lastGood.keySet().retainAll(services);
    saved.retainOnly(services);
    unknown.retainAll(services);
    Map<String, Instant> changed = new ConcurrentHashMap<>();
    services.forEach(s -> changed.put(s, lastChange(filesOf(s))));
    services.sort(
        Comparator.comparing((String s) -> !lastGood.containsKey(s))
            .thenComparing(changed::get)
            .thenComparing(Comparator.naturalOrder()));
    Instant waitUntil = Instant.MIN;
    List<String> neverLoaded = new ArrayList<>();
    for (String service : services) {
      Optional<Instant> deferred = load(service);
      if (deferred.isPresent() && !lastGood.containsKey(service)) {
        neverLoaded.add(service);
        waitUntil = deferred.get().isAfter(waitUntil) ? deferred.get() : waitUntil;
      }
    }
    if (!neverLoaded.isEmpty() && sleptUntil(waitUntil)) {
      // a service with no state to keep yet (the daemon's start): worth a moment's wait
      neverLoaded.forEach(this::load);
    }
    listeners.forEach(Runnable::run);
  }

  /** Waits until {@code until}, at most one settle time; false when interrupted. */
  private boolean sleptUntil(Instant until) {
    long millis = Duration.between(clock.instant(), until).toMillis();
    try {
      Thread.sleep(Math.max(0, Math.min(millis, settle.settle().toMillis())));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Reads one service folder again; a removed folder forgets the service. */
  public void reload(String service) {
    load(service);
    listeners.forEach(Runnable::run);
  }

  /**
   * Loads one service; returns when to look again if its files have not settled yet. Loads of one
   * service run one at a time (the watcher, a settle retry and the periodic scan may each reload
   * it): otherwise a load that read the files first but was slower (a loaded machine) would be
   * recorded last, and the service acted on as its files were before they were written.
   */
  private Optional<Instant> load(String service) {
    synchronized (loading.computeIfAbsent(service, s -> new Object())) {
      return loadNow(service);
    }
  }

  private Optional<Instant> loadNow(String service) {
    if (!loader.soaDir().hasService(service)) {
      forget(service);
      return Optional.empty();
    }
    List<FileSettle.FileState> files = filesOf(service);
    Optional<Instant> notYet = settle.readyAt(service, files, clock.instant());
    if (notYet.isPresent()) {
      if (!lastGood.containsKey(service)) {
        unknown.add(service); // not loaded yet: its tasks are left alone meanwhile
      }
      onDeferred.accept(service, notYet.get());
      return notYet;
    }
    LoadedService loaded;
    try {
      loaded = check.check(service);
    } catch (ConfigException e) {
      markBroken(service, List.of(e.getMessage()));
      return Optional.empty();
    } catch (RuntimeException e) {
      // a bug met on this service's files stops neither the daemon nor the other services
      markBroken(service, List.of(service + ": could not be loaded: " + e));
      return Optional.empty();
    }
    List<String> errors =
        loaded.problems().stream().filter(Problem::blocksRun).map(Problem::format).toList();
    if (errors.isEmpty()) {
      errors = ports.conflicts(loaded, lastGood).stream().map(Problem::format).toList();
    }
    if (!errors.isEmpty()) {
      markBroken(service, errors);
      return Optional.empty();
    }
    warnOnce(service, loaded);
    LoadedService before = lastGood.put(service, loaded);
    if (before == null || !before.service().equals(loaded.service())) {
      generations.merge(service, 1L, Long::sum);
      keep(service, files);
    } else if (notKept.contains(service)) {
      keep(service, files); // the same config, not kept yet: its files changed during the last load
    }
    unknown.remove(service);
    status.serviceProblems(service, List.of());
    return Optional.empty();
  }

  /**
   * Keeps the files of a good load, for a restart while they are broken: unless they changed since
   * they were read ({@code checked}), when the copy would hold files not checked (a broken edit
   * would replace the last good copy); the reload their change brings keeps them if they are good.
   */
  private void keep(String service, List<FileSettle.FileState> checked) {
    if (!new HashSet<>(filesOf(service)).equals(new HashSet<>(checked))) {
      notKept.add(service);
      return;
    }
    notKept.remove(service);
    try {
      saved.save(service, loader.soaDir().root().resolve(service));
    } catch (IOException | RuntimeException e) {
      log.warn(
          service,
          "its last good config could not be kept in the state directory (a restart while its"
              + " files are broken would leave it alone): "
              + e.getMessage());
    }
  }

  /**
   * A service broken since the daemon started: its last good copy from before the restart, if there
   * is one that still loads without problems that block a run.
   */
  private void restoreSaved(String service) {
    if (savedCheck.isEmpty()
        || saved.root().map(r -> !Files.isDirectory(r.resolve(service))).orElse(true)) {
      return;
    }
    LoadedService copy;
    try {
      copy = savedCheck.get().check(service);
    } catch (RuntimeException e) {
      return; // a copy that does not load is no better than nothing
    }
    if (copy.problems().stream().anyMatch(Problem::blocksRun)
        || !ports.conflicts(copy, lastGood).isEmpty()) {
      return;
    }
    lastGood.put(service, copy);
    generations.merge(service, 1L, Long::sum);
    unknown.remove(service);
    log.warn(
        service,
        "acting on its last good config kept in "
            + saved.root().get().resolve(service)
            + " (from before the daemon restarted) until its files are fixed");
  }

  private void forget(String service) {
    saved.forget(service);
    notKept.remove(service);
    if (lastGood.remove(service) != null) {
      generations.merge(service, 1L, Long::sum);
    }
    unknown.remove(service);
    lastWarnings.remove(service);
    status.serviceProblems(service, List.of());
  }

  /** Errors of tree policy are warnings here: logged once, the service deploys. */
  private void warnOnce(String service, LoadedService loaded) {
    List<String> policy =
        loaded.problems().stream()
            .filter(p -> p.isError() && !p.blocksRun())
            .map(p -> p.forDaemon().format())
            .toList();
    if (!policy.equals(lastWarnings.getOrDefault(service, List.of())) && !policy.isEmpty()) {
      log.warn(
          service,
          policy.size()
              + " problem(s) of tree policy (paasta validate refuses them; deployed anyway): "
              + String.join("; ", policy));
    }
    lastWarnings.put(service, policy);
  }

  private void markBroken(String service, List<String> errors) {
    if (!lastGood.containsKey(service)) {
      restoreSaved(service);
    }
    List<String> before = status.serviceProblems().getOrDefault(service, List.of());
    status.serviceProblems(service, errors);
    if (!lastGood.containsKey(service)) {
      unknown.add(service);
    }
    if (!before.equals(errors)) {
      String keeping =
          lastGood.containsKey(service)
              ? "keeping its last good config and deployments"
              : "not acting on it";
      log.warn(service, errors.size() + " config problem(s), " + keeping + ": " + errors.get(0));
    }
  }

  /** The regular files of a service folder (not hidden), with their times and sizes. */
  private List<FileSettle.FileState> filesOf(String service) {
    List<FileSettle.FileState> files = new ArrayList<>();
    Path dir = loader.soaDir().root().resolve(service);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        try {
          BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
          if (attributes.isRegularFile()) {
            files.add(
                new FileSettle.FileState(
                    name, attributes.lastModifiedTime().toInstant(), attributes.size()));
          }
        } catch (IOException e) {
          // gone meanwhile, or a dangling link: the load reports it
        }
      }
    } catch (IOException e) {
      // an unreadable folder: the load reports it
    }
    return files;
  }

  private static Instant lastChange(List<FileSettle.FileState> files) {
    return files.stream()
        .map(FileSettle.FileState::modified)
        .max(Comparator.naturalOrder())
        .orElse(Instant.EPOCH);
  }

  public Optional<LoadedService> service(String service) {
    return Optional.ofNullable(lastGood.get(service));
  }

  public Map<String, LoadedService> services() {
    return Map.copyOf(lastGood);
  }

  /**
   * Changes each time the service's last good config changes: a pass planned from an older one is
   * superseded.
   */
  public long generation(String service) {
    return generations.getOrDefault(service, 0L);
  }

  /** Services whose config has never loaded without errors: their tasks are left alone. */
  public Set<String> unknownServices() {
    return Set.copyOf(unknown);
  }
}
