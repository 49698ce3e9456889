package io.paasta.server;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paasta.backend.docker.DockerBackend;
import io.paasta.config.ConfigException;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.config.yaml.ConfigFileReader;
import io.paasta.deploy.git.DeploymentsGenerator;
import io.paasta.deploy.git.DeploymentsWriter;
import io.paasta.deploy.git.GitRemoteClient;
import io.paasta.model.InstanceRef;
import io.paasta.model.SystemConfig;
import io.paasta.planning.backend.Backend;
import io.paasta.server.api.ApiHandler;
import io.paasta.server.api.ApiRoutes;
import io.paasta.server.api.ApiServer;
import io.paasta.server.api.ApiSettings;
import io.paasta.server.api.AutoscalerResource;
import io.paasta.server.api.InstanceLookup;
import io.paasta.server.api.ServicesResource;
import io.paasta.server.autoscaling.AutoscalerCounts;
import io.paasta.server.autoscaling.FileAutoscalerStore;
import io.paasta.server.deployments.DeploymentsPoller;
import io.paasta.server.desired.ClusterDesiredState;
import io.paasta.server.desired.LastGoodConfigs;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.loop.PassParticipant;
import io.paasta.server.monitoring.Monitoring;
import io.paasta.server.smartstack.SmartStackRuntime;
import io.paasta.server.smartstack.SmartStackSettings;
import io.paasta.server.status.PassMetrics;
import io.paasta.server.status.StatusExtras;
import io.paasta.server.status.StatusRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the daemon from its directories and settings: the one place where parts are wired. */
public final class DaemonWiring {
  private DaemonWiring() {}

  /**
   * Where {@code paasta server} keeps state that must survive it: autoscaler counts, the last good
   * config of every service.
   */
  public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/paasta/state");

  /**
   * What the daemon serves beside its loop.
   *
   * @param stateDir holds {@code autoscaling.json} and {@code last-good-configs/}
   */
  public record ServerOptions(
      ApiSettings api, Path stateDir, Optional<SmartStackSettings> smartstack) {
    /** Without SmartStack. */
    public ServerOptions(ApiSettings api, Path stateDir) {
      this(api, stateDir, Optional.empty());
    }
  }

  /** The system config, or a ConfigException listing its problems. */
  public static SystemConfig systemConfig(Path dir) {
    SystemConfigLoader.Loaded loaded = new SystemConfigLoader(new ConfigFileReader()).load(dir);
    return loaded
        .config()
        .orElseThrow(
            () ->
                new ConfigException(
                    "the system config in "
                        + dir
                        + " is not usable: "
                        + loaded.problems().stream()
                            .filter(Problem::isError)
                            .map(Problem::format)
                            .collect(Collectors.joining("; "))));
  }

  /**
   * The reconcile loop alone (no API, no stored autoscaler counts).
   *
   * @param backendFor builds the backend for the cluster's system config
   */
  public static PaastaDaemon build(
      Path soaDir,
      SystemConfig system,
      PaastaDaemon.Settings settings,
      Function<SystemConfig, Backend> backendFor,
      PrintStream out) {
    Clock clock = Clock.systemUTC();
    DaemonLog log = new DaemonLog(out, clock);
    Core core = core(soaDir, system, log, AutoscalerCounts.none(), false, LastGoodConfigs.NONE);
    return core.daemon(
        backendFor.apply(system),
        clock,
        new PassMetrics(new SimpleMeterRegistry()),
        PassParticipant.NONE,
        settings);
  }

  /**
   * {@code paasta server}: the reconcile loop, and the HTTP API and metrics on loopback.
   *
   * @throws io.paasta.server.autoscaling.AutoscalerStoreException when the stored autoscaler state
   *     cannot be read
   */
  public static PaastaServer buildServer(
      Path soaDir,
      SystemConfig system,
      PaastaDaemon.Settings settings,
      ServerOptions options,
      Function<SystemConfig, Backend> backendFor,
      PrintStream out)
      throws IOException {
    Clock clock = Clock.systemUTC();
    DaemonLog log = new DaemonLog(out, clock);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    JvmGcMetrics gc = bindJvmMetrics(metrics);
    FileAutoscalerStore autoscaler = new FileAutoscalerStore(options.stateDir(), system.cluster());
    Core core =
        core(
            soaDir,
            system,
            log,
            autoscaler,
            options.smartstack().isPresent(),
            LastGoodConfigs.in(options.stateDir()));
    Backend backend = backendFor.apply(system);
    AtomicReference<PaastaDaemon> daemonRef = new AtomicReference<>();
    Optional<SmartStackRuntime> smartstack = Optional.empty();
    if (options.smartstack().isPresent()) {
      smartstack =
          Optional.of(
              SmartStackRuntime.start(
                  system,
                  options.smartstack().get(),
                  core.configs(),
                  core.desired(),
                  ref -> Optional.ofNullable(daemonRef.get()).ifPresent(d -> d.requestPass(ref)),
                  log,
                  clock));
      if (backend instanceof DockerBackend docker) {
        docker.useDiscoveryDrain(smartstack.get().discoveryDrain());
      }
    }
    Optional<SmartStackRuntime> discovery = smartstack;
    if (backend instanceof DockerBackend docker) {
      docker.onOomKill(report -> log.warn("oom", report.describe()));
    }
    Monitoring monitoring =
        Monitoring.start(
            system,
            metrics,
            log,
            clock,
            ref -> discovery.flatMap(s -> s.replication(ref)),
            backend::oomKills,
            (ref, delay) ->
                Optional.ofNullable(daemonRef.get()).ifPresent(d -> d.requestPass(ref, delay)));
    List<PassParticipant> participants = new ArrayList<>();
    discovery.ifPresent(s -> participants.add(s.participant()));
    participants.add(monitoring.participant());
    PaastaDaemon daemon =
        core.daemon(
            backend, clock, new PassMetrics(metrics), PassParticipant.all(participants), settings);
    daemonRef.set(daemon);
    StatusExtras extras =
        new StatusExtras() {
          @Override
          public Optional<Map<String, Object>> smartstack(InstanceRef ref) {
            return discovery.flatMap(s -> s.status(ref));
          }

          @Override
          public io.paasta.planning.observed.ObservedInstance observed(
              InstanceRef ref, io.paasta.planning.observed.ObservedInstance observed) {
            return discovery.map(s -> s.markedInHaproxy(ref, observed)).orElse(observed);
          }

          @Override
          public List<Map<String, Object>> checks(InstanceRef ref) {
            return monitoring.checks(ref);
          }
        };
    InstanceLookup lookup = new InstanceLookup(core.configs(), core.status(), system.cluster());
    ApiServer api =
        new ApiServer(
            options.api(),
            new ApiHandler(
                ApiRoutes.router(
                    system.cluster(),
                    new ServicesResource(
                        lookup, core.desired(), backend, core.status(), extras, clock),
                    new AutoscalerResource(
                        lookup, autoscaler, autoscaler, daemon::requestPass, clock),
                    metrics),
                options.api().token(),
                log));
    List<AutoCloseable> resources = new ArrayList<>();
    resources.add(monitoring);
    discovery.ifPresent(resources::add);
    resources.add(gc);
    return new PaastaServer(daemon, api, options.api(), metrics, resources, log);
  }

  /** JVM memory, GC, threads, process CPU and uptime; the GC binder must be closed. */
  private static JvmGcMetrics bindJvmMetrics(PrometheusMeterRegistry metrics) {
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(metrics);
    return gc;
  }

  /** The parts every daemon has, before its backend. */
  private record Core(
      SoaConfigsLoader loader,
      ServiceConfigs configs,
      ClusterDesiredState desired,
      StatusRegistry status,
      DeploymentsPoller poller,
      DaemonLog log) {

    PaastaDaemon daemon(
        Backend backend,
        Clock clock,
        PassMetrics metrics,
        PassParticipant participant,
        PaastaDaemon.Settings settings) {
      return new PaastaDaemon(
          loader,
          configs,
          desired,
          backend,
          poller,
          status,
          log,
          clock,
          metrics,
          participant,
          settings);
    }
  }

  private static Core core(
      Path soaDir,
      SystemConfig system,
      DaemonLog log,
      AutoscalerCounts counts,
      boolean haproxyRuns,
      LastGoodConfigs saved) {
    SoaConfigsLoader loader = SoaConfigsLoader.open(soaDir);
    StatusRegistry status = new StatusRegistry();
    ServiceConfigs configs =
        ServiceConfigs.of(loader, system, status, log, Clock.systemUTC(), saved);
    ClusterDesiredState desired = new ClusterDesiredState(configs, system, counts, haproxyRuns);
    DeploymentsPoller poller =
        new DeploymentsPoller(
            loader,
            configs::service,
            new DeploymentsGenerator(
                new GitRemoteClient(GitRemoteClient.defaultCacheDir(), Duration.ofSeconds(20)),
                new DeploymentsWriter()),
            log);
    return new Core(loader, configs, desired, status, poller, log);
  }
}
