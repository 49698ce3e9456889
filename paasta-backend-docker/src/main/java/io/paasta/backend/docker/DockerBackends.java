package io.paasta.backend.docker;

import com.github.dockerjava.api.DockerClient;
import io.paasta.backend.docker.drain.Drainer;
import io.paasta.backend.docker.drain.HttpDrainClient;
import io.paasta.backend.docker.engine.ContainerListClient;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.events.EngineEventWatcher;
import io.paasta.backend.docker.events.EngineOutages;
import io.paasta.backend.docker.health.HealthChecker;
import io.paasta.backend.docker.health.HealthProbeClient;
import io.paasta.backend.docker.http.LoopbackHttpClient;
import io.paasta.backend.docker.jobs.DockerJobRunner;
import io.paasta.backend.docker.jobs.JobTaskFates;
import io.paasta.backend.docker.logs.TaskLifecycleEvents;
import io.paasta.backend.docker.logs.TaskOutputCollector;
import io.paasta.backend.docker.oom.OomKillHistory;
import io.paasta.backend.docker.oom.OomWatcher;
import io.paasta.backend.docker.port.PortAllocator;
import io.paasta.engine.DockerEngine;
import io.paasta.planning.backend.BackendPorts;
import io.paasta.planning.backend.TaskLogSink;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Builds a running Docker backend: the one place its parts are wired. */
public final class DockerBackends {
  /** How long OOM kills are remembered (the oom-killer check looks at the last 10 minutes). */
  static final Duration OOM_RETENTION = Duration.ofHours(1);

  /** How many OOM kills an instance keeps at most (a task killed in a loop). */
  static final int OOM_KILLS_PER_INSTANCE = 100;

  /**
   * How long the engine's outages are remembered (their exited tasks are removed when it is back).
   */
  static final Duration OUTAGE_RETENTION = Duration.ofHours(1);

  /**
   * How often the event watcher tries the engine's event stream again while the engine is away: the
   * engine coming back is noticed within this.
   */
  static final Duration EVENTS_RETRY = Duration.ofMillis(250);

  /**
   * How long a job attempt's container may stay created, not started, before it counts as lost (the
   * daemon stopped between creating and starting it).
   */
  static final Duration JOB_CREATED_GRACE = Duration.ofSeconds(30);

  /** How often the output collector looks for containers it does not follow yet. */
  static final Duration OUTPUT_RESCAN = Duration.ofMillis(500);

  private DockerBackends() {}

  /** A backend on the engine of {@code config.dockerHost()}, its health checker started. */
  public static DockerBackend start(DockerBackendConfig config) {
    return start(config, BackendPorts.NONE);
  }

  /** As {@link #start(DockerBackendConfig)}, calling out through the daemon's ports. */
  public static DockerBackend start(DockerBackendConfig config, BackendPorts ports) {
    return start(config, new DockerEngine(config.dockerHost()).open(), Clock.systemUTC(), ports);
  }

  /** A backend on an open client (which it then owns and closes), its health checker started. */
  public static DockerBackend start(DockerBackendConfig config, DockerClient docker, Clock clock) {
    return start(config, docker, clock, BackendPorts.NONE);
  }

  /**
   * As {@link #start(DockerBackendConfig, DockerClient, Clock)}: hacheck drains take tasks out
   * through {@code daemonPorts.discoveryDrain()}, and new OOM kills go to {@code
   * daemonPorts.oomKills()}.
   */
  public static DockerBackend start(
      DockerBackendConfig config, DockerClient docker, Clock clock, BackendPorts daemonPorts) {
    LoopbackHttpClient http = new LoopbackHttpClient();
    ContainerListClient checkerListing = new ContainerListClient(docker);
    HealthChecker health =
        new HealthChecker(
            () -> runningTasksOf(checkerListing, config.cluster()),
            new HealthProbeClient(docker, http),
            clock,
            config.healthDiscoveryInterval(),
            config.checkerThreads());
    Drainer drainer =
        new Drainer(
            new HttpDrainClient(http, config.drainTimeout()),
            clock,
            config.drainPollInterval(),
            daemonPorts.discoveryDrain());
    PortAllocator ports = new PortAllocator(config.ports(), clock);
    OomWatcher oom =
        new OomWatcher(
            docker,
            config.cluster(),
            new OomKillHistory(clock, OOM_RETENTION, OOM_KILLS_PER_INSTANCE));
    daemonPorts
        .oomKills()
        .ifPresent(
            sink -> oom.onKill(report -> sink.oomKilled(report.kill().ref(), report.describe())));
    EngineOutages outages = new EngineOutages(clock, OUTAGE_RETENTION);
    EngineEventWatcher events =
        new EngineEventWatcher(docker, clock, outages, OOM_RETENTION, EVENTS_RETRY);
    DockerJobRunner jobs =
        new DockerJobRunner(
            docker,
            config.cluster(),
            config.dockerHost(),
            config.stopTimeout(),
            config.pullTimeout(),
            new JobTaskFates(outages, clock, JOB_CREATED_GRACE),
            daemonPorts.secrets());
    DockerBackend backend =
        new DockerBackend(
            docker,
            ports,
            health,
            drainer,
            oom,
            events,
            outages,
            new SecureRandom(),
            config,
            jobs,
            daemonPorts.secrets());
    TaskLifecycleEvents.watch(events, config.cluster(), daemonPorts.taskLogs());
    TaskLifecycleEvents.watchHealth(health, config.cluster(), daemonPorts.taskLogs());
    health.start();
    events.start();
    if (daemonPorts.taskLogs() != TaskLogSink.NONE) {
      backend.alsoClose(
          new TaskOutputCollector(
                  docker,
                  config.dockerHost(),
                  config.cluster(),
                  daemonPorts.taskLogs(),
                  OUTPUT_RESCAN)
              .start());
    }
    return backend;
  }

  private static List<ManagedContainer> runningTasksOf(ContainerListClient list, String cluster) {
    return list.listAll().stream()
        .filter(ManagedContainer::isRunning)
        .filter(c -> ObservedStateMapper.isServiceTaskOf(c, cluster))
        .toList();
  }
}
