package io.paasta.server;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paasta.config.logs.LogWriterSettings;
import io.paasta.config.secrets.LocalKeyStore;
import io.paasta.config.secrets.SecretEnvResolver;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.deploy.git.DeploymentsGenerator;
import io.paasta.deploy.git.DeploymentsWriter;
import io.paasta.deploy.git.GitRemoteClient;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.SystemConfig;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.backend.BackendPorts;
import io.paasta.planning.backend.DiscoveryDrain;
import io.paasta.planning.backend.TaskLogSink;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.server.adhoc.RemoteRunReaper;
import io.paasta.server.adhoc.RemoteRuns;
import io.paasta.server.api.ApiHandler;
import io.paasta.server.api.ApiRoutes;
import io.paasta.server.api.ApiServer;
import io.paasta.server.api.ApiSettings;
import io.paasta.server.api.AutoscalerResource;
import io.paasta.server.api.DashboardHandler;
import io.paasta.server.api.EmergencyResource;
import io.paasta.server.api.EventStreamHandler;
import io.paasta.server.api.InstanceLookup;
import io.paasta.server.api.JobsResource;
import io.paasta.server.api.LogStreamHandler;
import io.paasta.server.api.LogsResource;
import io.paasta.server.api.MetastatusResource;
import io.paasta.server.api.RemoteRunResource;
import io.paasta.server.api.RestartResource;
import io.paasta.server.api.ServicesResource;
import io.paasta.server.api.StoredTaskOutput;
import io.paasta.server.autoscaling.AutoscalerCounts;
import io.paasta.server.autoscaling.AutoscalerLoop;
import io.paasta.server.autoscaling.AutoscalerSettings;
import io.paasta.server.autoscaling.AutoscalerSnapshots;
import io.paasta.server.autoscaling.AutoscalerStatusDocument;
import io.paasta.server.autoscaling.SqliteAutoscalerStore;
import io.paasta.server.autoscaling.TaskMetricsClient;
import io.paasta.server.autoscaling.UtilizationMeter;
import io.paasta.server.backend.BackendFactory;
import io.paasta.server.deployments.DeploymentsPoller;
import io.paasta.server.desired.ClusterDesiredState;
import io.paasta.server.desired.InstanceRestarts;
import io.paasta.server.desired.LastGoodConfigs;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.emergency.EmergencyStop;
import io.paasta.server.emergency.EmergencyStops;
import io.paasta.server.events.ChangeFeed;
import io.paasta.server.events.InstanceChanges;
import io.paasta.server.events.JobChanges;
import io.paasta.server.jobs.ClusterJobs;
import io.paasta.server.jobs.JobScheduler;
import io.paasta.server.jobs.JobsView;
import io.paasta.server.logs.ServiceLogs;
import io.paasta.server.loop.PassParticipant;
import io.paasta.server.loop.PassPlanner;
import io.paasta.server.loop.PassRequests;
import io.paasta.server.metastatus.ComponentHealth;
import io.paasta.server.metastatus.LocalHostCapacity;
import io.paasta.server.metastatus.Metastatus;
import io.paasta.server.monitoring.FileAlertJournal;
import io.paasta.server.monitoring.Monitoring;
import io.paasta.server.secrets.TaskSecretResolver;
import io.paasta.server.smartstack.HaproxyMarks;
import io.paasta.server.smartstack.SmartStackRuntime;
import io.paasta.server.smartstack.SmartStackSettings;
import io.paasta.server.state.SqliteInstanceRestarts;
import io.paasta.server.state.SqliteJobRunStore;
import io.paasta.server.state.StateDatabase;
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
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;

/**
 * Builds the daemon from its directories and settings: the one place where its parts are wired,
 * each step a method named for what it makes, in the order they need each other. The pass requests
 * come first and are handed to whatever asks for passes (SmartStack, monitoring, the API), so no
 * part needs the daemon; the backend is started by its {@link BackendFactory} once the ports it
 * calls out through exist, and is known here only as a {@link Backend}.
 */
public final class DaemonWiring {
  /** One in this many of the API's threads may follow logs ({@code paasta logs -f} holds one). */
  static final int MAX_LOG_STREAMS_SHARE = 4;

  /** Dashboards following the cluster at once (their streams hold no thread). */
  static final int MAX_EVENT_STREAMS = 256;

  /** How often remote-runs past their time limit are looked for (and stopped). */
  static final Duration REMOTE_RUN_SWEEP = Duration.ofSeconds(1);

  private DaemonWiring() {}

  /**
   * What the daemon serves beside its loop.
   *
   * @param stateDir holds the state database {@code paasta.db} (job runs, autoscaler counts),
   *     {@code alerts.json} and {@code last-good-configs/}
   */
  public record ServerOptions(
      ApiSettings api, Path stateDir, Optional<SmartStackSettings> smartstack) {
    /** Without SmartStack. */
    public ServerOptions(ApiSettings api, Path stateDir) {
      this(api, stateDir, Optional.empty());
    }
  }

  /**
   * The reconcile loop alone (no API, no stored autoscaler counts, no SmartStack), on a backend the
   * caller started and closes.
   */
  public static PaastaDaemon build(
      Path soaDir,
      SystemConfig system,
      PaastaDaemon.Settings settings,
      Backend backend,
      PrintStream out) {
    Clock clock = Clock.systemUTC();
    DaemonLog log = new DaemonLog(out, clock);
    Desired desired =
        desiredState(
            soaDir,
            system,
            AutoscalerCounts.none(),
            InstanceRestarts.NONE,
            false,
            LastGoodConfigs.NONE,
            EmergencyStops.none(),
            log,
            clock);
    return daemon(
        desired,
        deploymentsPoller(desired, log),
        backend,
        new PassRequests(clock),
        PassParticipant.NONE,
        new PassMetrics(new SimpleMeterRegistry()),
        settings,
        log,
        clock);
  }

  /**
   * {@code paasta server}: the reconcile loop on the backend {@code backends} starts, and the HTTP
   * API and metrics on loopback. The returned server owns everything it started (the backend too).
   *
   * @throws io.paasta.server.state.StateStoreException when the state database cannot be opened or
   *     migrated (or was written by a newer paasta)
   * @throws io.paasta.server.autoscaling.AutoscalerStoreException when the stored autoscaler state
   *     cannot be read
   * @throws IOException when SmartStack's ZooKeeper cannot be started
   */
  public static PaastaServer buildServer(
      Path soaDir,
      SystemConfig system,
      PaastaDaemon.Settings settings,
      ServerOptions options,
      BackendFactory backends,
      PrintStream out)
      throws IOException {
    Clock clock = Clock.systemUTC();
    LogWriterSettings logWriter = LogWriterSettings.from(system, options.stateDir());
    ServiceLogs serviceLogs =
        ServiceLogs.open(
            logWriter, system.cluster(), options.stateDir(), new DaemonLog(out, clock), clock);
    DaemonLog log = new DaemonLog(out, clock, serviceLogs.deployLines());
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    List<AutoCloseable> started = new ArrayList<>(); // closed in this order: monitoring first
    StateDatabase state = StateDatabase.open(options.stateDir());
    started.add(state);
    try {
      SqliteAutoscalerStore autoscaler = new SqliteAutoscalerStore(state, system.cluster());
      SqliteInstanceRestarts restarts = new SqliteInstanceRestarts(state, system.cluster());
      EmergencyStops emergency = emergencyStops(state, system, log);
      Desired desired =
          desiredState(
              soaDir,
              system,
              autoscaler,
              restarts,
              options.smartstack().isPresent(),
              LastGoodConfigs.in(options.stateDir()),
              emergency,
              log,
              clock);
      PassRequests passes = new PassRequests(clock);
      ChangeFeed changes = new ChangeFeed();
      InstanceChanges instanceChanges = new InstanceChanges(changes);
      Optional<SmartStackRuntime> smartstack =
          smartstack(system, options, desired, passes, log, clock);
      smartstack.ifPresent(s -> started.add(0, s));
      Backend backend =
          backends.start(system, backendPorts(smartstack, serviceLogs, log, soaDir, system));
      started.add(started.size() - 1, backend); // the state database closes last
      started.add(started.size() - 1, serviceLogs); // after the backend: its collector writes
      backend.onTaskChange(instanceChanges::taskChanged);
      JobScheduler jobs =
          jobScheduler(system, state, changes, desired, emergency, backend, log, clock);
      started.add(0, jobs);
      started.add(0, autoscalerLoop(system, desired, backend, autoscaler, passes, log, clock));
      Monitoring monitoring =
          monitoring(
              system,
              options,
              metrics,
              smartstack,
              backend,
              passes,
              jobs,
              desired,
              serviceLogs,
              autoscaler,
              log,
              clock);
      started.add(0, monitoring);
      Optional<RemoteRuns> remoteRuns =
          backend.adhocRunner().map(runner -> new RemoteRuns(runner, log, clock));
      remoteRuns.ifPresent(r -> started.add(0, RemoteRunReaper.start(r, REMOTE_RUN_SWEEP, log)));
      PaastaDaemon daemon =
          daemon(
              desired,
              deploymentsPoller(desired, log),
              backend,
              passes,
              participants(smartstack, monitoring, instanceChanges),
              new PassMetrics(metrics),
              settings,
              log,
              clock);
      ApiServer api =
          api(
              options,
              system,
              desired,
              backend,
              autoscaler,
              jobs,
              passes,
              statusExtras(smartstack, monitoring, desired, autoscaler, clock),
              metrics,
              new LogsResource(logWriter.pathFormat(), serviceLogs::write, clock),
              serviceLogs::lastOutput,
              () -> smartstack.map(SmartStackRuntime::health).orElse(List.of()),
              changes,
              restarts,
              new EmergencyResource.Effects(backend, passes::now, jobs, jobs::wake),
              emergency,
              remoteRuns,
              log,
              clock);
      started.add(started.size() - 1, bindJvmMetrics(metrics));
      return new PaastaServer(daemon, api, options.api(), metrics, started, log);
    } catch (IOException | RuntimeException e) {
      closeAll(started);
      serviceLogs.close();
      throw e;
    }
  }

  /**
   * {@code paasta plan}: the planning step of a pass over every instance, with the desired state
   * the daemon would have with the same options (stored autoscaler counts, {@code check_haproxy}
   * with SmartStack) and what SmartStack adds to observed state (UP in HAProxy, read from the
   * HAProxy the daemon runs); it starts no SmartStack and executes nothing.
   *
   * @param stateDir the daemon's, with its stored autoscaler counts (and HAProxy's socket)
   * @param smartstack SmartStack as the daemon runs it; empty without
   * @param backend the backend to observe with (the caller closes it)
   * @param log where problems of the soa-configs are told
   */
  public static DryRun dryRun(
      Path soaDir,
      SystemConfig system,
      Path stateDir,
      Optional<SmartStackSettings> smartstack,
      boolean forceCleanup,
      Backend backend,
      PrintStream log) {
    Clock clock = Clock.systemUTC();
    DaemonLog daemonLog = new DaemonLog(log, clock);
    AutoscalerCounts counts = SqliteAutoscalerStore.readOnlyCounts(stateDir, system.cluster());
    Desired desired =
        desiredState(
            soaDir,
            system,
            counts,
            SqliteInstanceRestarts.readOnly(stateDir, system.cluster()),
            smartstack.isPresent(),
            LastGoodConfigs.readOnly(stateDir),
            EmergencyStops.readOnly(stateDir, system.cluster()),
            daemonLog,
            clock);
    PassParticipant marks =
        smartstack
            .<PassParticipant>map(s -> HaproxyMarks.readOnly(desired.configs(), system, s))
            .orElse(PassParticipant.NONE);
    return new DryRun(
        desired.configs(),
        desired.desired(),
        backend,
        new PassPlanner(backend, marks, daemonLog, clock),
        forceCleanup);
  }

  /** The soa-configs as the daemon reads them, and the desired state of every instance. */
  private record Desired(
      SoaConfigsLoader loader,
      ServiceConfigs configs,
      ClusterDesiredState desired,
      StatusRegistry status) {}

  private static Desired desiredState(
      Path soaDir,
      SystemConfig system,
      AutoscalerCounts counts,
      InstanceRestarts restarts,
      boolean haproxyRuns,
      LastGoodConfigs saved,
      EmergencyStops emergency,
      DaemonLog log,
      Clock clock) {
    SoaConfigsLoader loader = SoaConfigsLoader.open(soaDir);
    StatusRegistry status = new StatusRegistry();
    ServiceConfigs configs = ServiceConfigs.of(loader, system, status, log, clock, saved);
    return new Desired(
        loader,
        configs,
        new ClusterDesiredState(configs, system, counts, haproxyRuns, restarts, emergency),
        status);
  }

  /** The emergency stops kept in the state database; a newer tag lifting one is logged. */
  private static EmergencyStops emergencyStops(
      StateDatabase state, SystemConfig system, DaemonLog log) {
    return EmergencyStops.in(
        state,
        system.cluster(),
        stop ->
            log.info(
                stop.ref().service() + "." + stop.ref().instance(),
                "the emergency stop of "
                    + stop.by()
                    + " (since "
                    + stop.at()
                    + ") is lifted: a newer start, stop or deploy tag"));
  }

  private static DeploymentsPoller deploymentsPoller(Desired desired, DaemonLog log) {
    return new DeploymentsPoller(
        desired.loader(),
        desired.configs()::service,
        new DeploymentsGenerator(
            new GitRemoteClient(GitRemoteClient.defaultCacheDir(), Duration.ofSeconds(20)),
            new DeploymentsWriter()),
        log);
  }

  private static Optional<SmartStackRuntime> smartstack(
      SystemConfig system,
      ServerOptions options,
      Desired desired,
      PassRequests passes,
      DaemonLog log,
      Clock clock)
      throws IOException {
    if (options.smartstack().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        SmartStackRuntime.start(
            system,
            options.smartstack().get(),
            desired.configs(),
            desired.desired(),
            passes::now,
            log,
            clock));
  }

  /**
   * SmartStack's drain for hacheck (when it runs), OOM kills to the daemon's log and the service's,
   * and the tasks' output and lifecycle to the services' logs.
   */
  private static BackendPorts backendPorts(
      Optional<SmartStackRuntime> smartstack,
      ServiceLogs serviceLogs,
      DaemonLog log,
      Path soaDir,
      SystemConfig system) {
    return new BackendPorts(
        smartstack.map(SmartStackRuntime::discoveryDrain).orElse(DiscoveryDrain.NONE),
        Optional.of(
            (ref, description) -> {
              log.warn("oom", description);
              serviceLogs.oom(ref, description);
            }),
        serviceLogs.writes() ? serviceLogs : TaskLogSink.NONE,
        new TaskSecretResolver(
            SecretEnvResolver.local(
                soaDir, LocalKeyStore.forDaemon(system), system, system.cluster())));
  }

  /**
   * Monitoring, with the alert state kept in {@code <state-dir>/alerts.json}, and the checks of the
   * scheduler's jobs.
   */
  private static Monitoring monitoring(
      SystemConfig system,
      ServerOptions options,
      PrometheusMeterRegistry metrics,
      Optional<SmartStackRuntime> smartstack,
      Backend backend,
      PassRequests passes,
      JobsView jobs,
      Desired desired,
      ServiceLogs serviceLogs,
      SqliteAutoscalerStore autoscaler,
      DaemonLog log,
      Clock clock) {
    return Monitoring.start(
        system,
        metrics,
        log,
        clock,
        ref -> smartstack.flatMap(s -> s.replication(ref)),
        backend::oomKills,
        passes::after,
        new FileAlertJournal(options.stateDir(), message -> log.warn("monitoring", message)),
        jobs,
        ref -> jobConfig(desired.configs(), ref),
        serviceLogs::monitoring,
        ref -> AutoscalerSnapshots.of(desired.desired().config(ref), autoscaler, autoscaler));
  }

  /** The job {@code ref} names in the daemon's soa-configs (its service's last good load). */
  private static Optional<JobConfig> jobConfig(ServiceConfigs configs, InstanceRef ref) {
    return configs
        .service(ref.service())
        .flatMap(loaded -> loaded.service().instance(ref.cluster(), ref.instance()))
        .filter(JobConfig.class::isInstance)
        .map(JobConfig.class::cast);
  }

  /**
   * The scheduler of the cluster's jobs on the backend's job runner, with the run history in {@code
   * <state-dir>}; it plans its first pass once soa-configs are loaded. Closed before the backend,
   * it leaves runs running: the next daemon adopts them.
   */
  private static JobScheduler jobScheduler(
      SystemConfig system,
      StateDatabase state,
      ChangeFeed changes,
      Desired desired,
      EmergencyStops emergency,
      Backend backend,
      DaemonLog log,
      Clock clock) {
    JobScheduler jobs =
        new JobScheduler(
            new ClusterJobs(desired.configs(), system, emergency),
            backend.jobRunner(),
            new JobChanges(new SqliteJobRunStore(state), changes),
            log,
            clock);
    backend.jobRunner().ifPresent(runner -> runner.onNotice(line -> log.warn("jobs", line)));
    jobs.start();
    return jobs;
  }

  /** SmartStack's part of each pass (when it runs), then monitoring's, then the change feed's. */
  private static PassParticipant participants(
      Optional<SmartStackRuntime> smartstack, Monitoring monitoring, PassParticipant changes) {
    List<PassParticipant> participants = new ArrayList<>();
    smartstack.ifPresent(s -> participants.add(s.participant()));
    participants.add(monitoring.participant());
    participants.add(changes);
    return PassParticipant.all(participants);
  }

  private static PaastaDaemon daemon(
      Desired desired,
      DeploymentsPoller poller,
      Backend backend,
      PassRequests passes,
      PassParticipant participant,
      PassMetrics metrics,
      PaastaDaemon.Settings settings,
      DaemonLog log,
      Clock clock) {
    return new PaastaDaemon(
        desired.loader(),
        desired.configs(),
        desired.desired(),
        backend,
        poller,
        desired.status(),
        log,
        clock,
        metrics,
        participant,
        passes,
        settings);
  }

  private static ApiServer api(
      ServerOptions options,
      SystemConfig system,
      Desired desired,
      Backend backend,
      SqliteAutoscalerStore autoscaler,
      JobsView jobs,
      PassRequests passes,
      StatusExtras extras,
      PrometheusMeterRegistry metrics,
      LogsResource logs,
      StoredTaskOutput storedOutput,
      Supplier<List<ComponentHealth>> components,
      ChangeFeed changes,
      SqliteInstanceRestarts restarts,
      EmergencyResource.Effects effects,
      EmergencyStops emergency,
      Optional<RemoteRuns> remoteRuns,
      DaemonLog log,
      Clock clock) {
    Metastatus metastatus =
        new Metastatus(
            new Metastatus.Sources(
                system.cluster(),
                ApiRoutes.projectVersion(),
                backend.name(),
                new LocalHostCapacity(options.stateDir()),
                backend,
                desired.configs(),
                jobs,
                components));
    InstanceLookup lookup =
        new InstanceLookup(desired.configs(), desired.status(), system.cluster());
    EmergencyResource emergencyResource =
        new EmergencyResource(lookup, emergency, effects, log, clock);
    int streams = Math.max(1, options.api().maxThreads() / MAX_LOG_STREAMS_SHARE);
    return new ApiServer(
        options.api(),
        dashboard(
            changes,
            new LogStreamHandler(
                logs,
                streams,
                new ApiHandler(
                    ApiRoutes.router(
                        system.cluster(),
                        new ServicesResource(
                            lookup,
                            desired.desired(),
                            backend,
                            desired.status(),
                            extras,
                            clock,
                            storedOutput),
                        new AutoscalerResource(lookup, autoscaler, autoscaler, passes::now, clock),
                        new JobsResource(
                            lookup, jobs, extras::checks, emergencyResource::jobStop, clock),
                        metrics,
                        logs,
                        new MetastatusResource(metastatus, system.cluster()),
                        new RestartResource(lookup, restarts::restart, passes::now, clock),
                        Optional.of(emergencyResource),
                        Optional.of(
                            new RemoteRunResource(
                                lookup,
                                system,
                                remoteRuns,
                                backend.name(),
                                new java.security.SecureRandom(),
                                clock))),
                    options.api().token(),
                    log))));
  }

  /** The dashboard's pages at /ui/ and the event stream they follow, before the API. */
  private static DashboardHandler dashboard(ChangeFeed changes, Handler api) {
    return new DashboardHandler(new EventStreamHandler(changes, MAX_EVENT_STREAMS, api));
  }

  /**
   * The autoscaler, deciding every {@code autoscaling_interval} seconds of the system config
   * (default 60).
   */
  private static AutoscalerLoop autoscalerLoop(
      SystemConfig system,
      Desired desired,
      Backend backend,
      SqliteAutoscalerStore store,
      PassRequests passes,
      DaemonLog log,
      Clock clock) {
    AutoscalerLoop loop =
        new AutoscalerLoop(
            desired.desired(),
            backend,
            new UtilizationMeter(backend, new TaskMetricsClient(TaskMetricsClient.TIMEOUT)),
            store,
            store,
            passes::now,
            log,
            clock,
            AutoscalerSettings.interval(system, message -> log.warn("autoscaler", message)));
    loop.start();
    return loop;
  }

  /** What status adds from SmartStack (when it runs), monitoring and the autoscaler. */
  private static StatusExtras statusExtras(
      Optional<SmartStackRuntime> smartstack,
      Monitoring monitoring,
      Desired desired,
      SqliteAutoscalerStore autoscaler,
      Clock clock) {
    return new StatusExtras() {
      @Override
      public Optional<Map<String, Object>> autoscaling(InstanceRef ref) {
        return desired
            .desired()
            .config(ref)
            .flatMap(
                config ->
                    AutoscalerStatusDocument.of(
                        config, autoscaler.last(ref), autoscaler.pausedUntil(), clock.instant()));
      }

      @Override
      public Optional<Map<String, Object>> smartstack(InstanceRef ref) {
        return smartstack.flatMap(s -> s.status(ref));
      }

      @Override
      public ObservedInstance observed(InstanceRef ref, ObservedInstance observed) {
        return smartstack.map(s -> s.markedInHaproxy(ref, observed)).orElse(observed);
      }

      @Override
      public List<Map<String, Object>> checks(InstanceRef ref) {
        return monitoring.checks(ref);
      }

      @Override
      public Optional<Map<String, Object>> emergencyStop(InstanceRef ref) {
        return desired.desired().emergencyStop(ref).map(EmergencyStop::document);
      }
    };
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

  private static void closeAll(List<AutoCloseable> started) {
    for (AutoCloseable resource : started) {
      try {
        resource.close();
      } catch (Exception e) {
        // failing to start anyway
      }
    }
  }
}
