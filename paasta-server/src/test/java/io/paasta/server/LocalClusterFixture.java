package io.paasta.server;

import io.paasta.backend.docker.DockerBackend;
import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.backend.docker.DockerBackends;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.SystemConfig;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.jobs.JobTask;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.plan.Action;
import io.paasta.testing.TestInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A single-host cluster of its own for one test: a soa-configs tree with one service, the hello-web
 * example image in the real registry, a deployments.json written by hand, and the daemon on the
 * real Docker engine. The cluster name is random, so the daemon sees only its own tasks.
 */
final class LocalClusterFixture implements AutoCloseable {
  static final String INSTANCE = "main";

  final String service = TestInfrastructure.randomService("it-srv");
  final String cluster = "it" + TestInfrastructure.randomSha().substring(0, 8);
  final InstanceRef ref = new InstanceRef(service, cluster, INSTANCE, InstanceKind.MARATHON);
  final Path soa;
  final DockerImageName image;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final String registry;
  private DockerBackend backend;
  private java.util.Optional<java.net.URI> daemonEngine = java.util.Optional.empty();
  private DockerBackend daemonBackend;
  private PaastaDaemon daemon;
  private PaastaServer server;
  private Duration fullPassEvery = Duration.ofSeconds(5);

  /** The HAProxy state directories of the daemons started with SmartStack. */
  private final java.util.Set<Path> proxyDirs = new java.util.LinkedHashSet<>();

  /** How often the daemon started next polls git tags (at its start, then at this pace). */
  Duration deploymentsPollEvery = Duration.ofHours(1);

  LocalClusterFixture(Path tmp, String registry, DockerImageName image) throws IOException {
    this.registry = registry;
    this.image = image;
    this.soa = Files.createDirectories(tmp.resolve("soa"));
    Files.createDirectories(soa.resolve(service));
    Files.writeString(
        soa.resolve(service).resolve("service.yaml"), "docker_registry: " + registry + "\n");
  }

  /** Writes the instance's config (the YAML body under {@code main:}). */
  void instance(String... lines) throws IOException {
    StringBuilder yaml = new StringBuilder(INSTANCE + ":\n  deploy_group: prod\n");
    for (String line : lines) {
      yaml.append("  ").append(line).append('\n');
    }
    write("marathon-" + cluster + ".yaml", yaml.toString());
  }

  /** Writes instances (whole YAML) of the marathon file: for tests with several instances. */
  void instances(String yaml) throws IOException {
    write("marathon-" + cluster + ".yaml", yaml);
  }

  /** Writes the jobs (whole YAML) of the chronos file. */
  void jobs(String yaml) throws IOException {
    write("chronos-" + cluster + ".yaml", yaml);
  }

  /** Writes the adhoc instances (whole YAML) of the adhoc file. */
  void adhoc(String yaml) throws IOException {
    write("adhoc-" + cluster + ".yaml", yaml);
  }

  /** The remote-runs of this test's cluster, as the engine has them. */
  List<io.paasta.planning.adhoc.AdhocRun> remoteRuns() {
    observeOnly();
    return backend.adhocRunner().orElseThrow().list();
  }

  InstanceRef ref(String instance) {
    return new InstanceRef(service, cluster, instance, InstanceKind.MARATHON);
  }

  /** Every task of every instance of {@code service} in this test's cluster. */
  List<ObservedTask> backendTasks(String service) {
    return backend.observeAll().stream()
        .filter(o -> o.ref().service().equals(service))
        .flatMap(o -> o.tasks().stream())
        .toList();
  }

  /** Running tasks of an instance. */
  long runningOf(String instance) {
    InstanceRef other = ref(instance);
    return backend.observeAll().stream()
        .filter(o -> o.ref().equals(other))
        .flatMap(o -> o.tasks().stream())
        .filter(ObservedTask::isRunning)
        .count();
  }

  /** Deploys the image to the instance's group, with the instance's desired state. */
  void deploy(String desiredState, String forceBounce) throws IOException {
    deploy(desiredState, forceBounce, "paasta-" + image.gitSha());
  }

  /** Deploys an image tag (which may be missing from the registry) to group {@code prod}. */
  void deploy(String desiredState, String forceBounce, String tag) throws IOException {
    String imageName = "services-" + image.service() + ":" + tag;
    String control = service + ":" + cluster + "." + INSTANCE;
    String bounce = forceBounce == null ? "null" : "\"" + forceBounce + "\"";
    write(
        "deployments.json",
        """
        {"v1": {},
         "v2": {"deployments": {"prod": {"docker_image": "%s", "git_sha": "%s"}},
                "controls": {"%s": {"desired_state": "%s", "force_bounce": %s}}}}
        """
            .formatted(imageName, image.gitSha(), control, desiredState, bounce));
  }

  /** Writes the service's smartstack.yaml. */
  void smartstack(String yaml) throws IOException {
    write("smartstack.yaml", yaml);
  }

  private void write(String file, String text) throws IOException {
    Path target = soa.resolve(service).resolve(file);
    Path temp = soa.resolve(service).resolve("." + file + ".tmp");
    Files.writeString(temp, text);
    Files.move(
        temp,
        target,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The system config of this test's cluster (its registry holds the image). */
  SystemConfig system() {
    return DaemonProcess.systemConfig(cluster, registry);
  }

  /** The system config of this test's cluster with {@code extra} keys added to its raw keys. */
  SystemConfig system(java.util.Map<String, Object> extra) {
    SystemConfig base = system();
    java.util.Map<String, Object> raw = new java.util.HashMap<>(base.raw());
    raw.putAll(extra);
    return new SystemConfig(
        base.cluster(),
        base.dockerRegistry(),
        base.zookeeper(),
        base.volumes(),
        base.apiEndpoints(),
        base.dashboardLinks(),
        base.sensuHost(),
        base.sensuPort(),
        base.synapseHost(),
        base.synapsePort(),
        base.defaultLocalRunCluster(),
        raw);
  }

  /**
   * Has the daemon (started next) reach the engine at {@code dockerHost}, e.g. through a proxy that
   * plays the engine going away; the test still observes the engine directly.
   */
  void daemonEngineAt(java.net.URI dockerHost) {
    daemonEngine = java.util.Optional.of(dockerHost);
  }

  /**
   * How often the daemon (started next) passes every instance; long, for a test that shows a pass
   * came from an event.
   */
  void fullPassEvery(Duration every) {
    fullPassEvery = every;
  }

  /**
   * The backend config of the daemon started next: its engine, and its own backend (which the
   * server started with {@link #startServer} owns: it gets the daemon's SmartStack drain).
   */
  private DockerBackendConfig daemonBackendConfig() {
    DockerBackendConfig config = DockerBackendConfig.defaults(cluster);
    return daemonEngine.map(config::withDockerHost).orElse(config);
  }

  private DockerBackend daemonBackend() {
    if (daemonEngine.isEmpty()) {
      return backend;
    }
    if (daemonBackend == null) {
      daemonBackend =
          DockerBackends.start(
              DockerBackendConfig.defaults(cluster).withDockerHost(daemonEngine.get()));
    }
    return daemonBackend;
  }

  void startDaemon() throws IOException {
    if (backend == null) {
      backend = DockerBackends.start(DockerBackendConfig.defaults(cluster));
    }
    DockerBackend forDaemon = daemonBackend();
    daemon =
        DaemonWiring.build(
            soa,
            system(),
            new PaastaDaemon.Settings(2, fullPassEvery, deploymentsPollEvery, false),
            forDaemon,
            new PrintStream(log, true, StandardCharsets.UTF_8));
    daemon.start();
  }

  /**
   * Starts the daemon as {@code paasta server} wires it, with its API on a free loopback port, its
   * state in {@code stateDir} and a backend of its own; returns the API's base URI.
   */
  java.net.URI startServer(Path stateDir, Optional<String> token) throws IOException {
    return startServer(stateDir, token, system(), Optional.empty());
  }

  /** As {@link #startServer(Path, Optional)}, with SmartStack when given its settings. */
  java.net.URI startServer(
      Path stateDir,
      Optional<String> token,
      SystemConfig system,
      Optional<io.paasta.server.smartstack.SmartStackSettings> smartstack)
      throws IOException {
    if (backend == null) {
      backend = DockerBackends.start(DockerBackendConfig.defaults(cluster));
    }
    smartstack.ifPresent(s -> proxyDirs.add(s.haproxyDir()));
    io.paasta.server.api.ApiSettings api =
        io.paasta.server.api.ApiSettings.of(
            io.paasta.server.api.ApiListenAddress.resolve(Optional.of("127.0.0.1:0"), system),
            token.map(t -> new io.paasta.server.api.ApiToken(t, "the test")));
    server =
        DaemonWiring.buildServer(
            soa,
            system,
            new PaastaDaemon.Settings(2, fullPassEvery, deploymentsPollEvery, false),
            new DaemonWiring.ServerOptions(api, stateDir, smartstack),
            (s, ports) -> DockerBackends.start(daemonBackendConfig(), ports),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    server.start();
    return server.apiBaseUri();
  }

  /** A backend to observe with, for tests whose daemon runs in another process. */
  void observeOnly() {
    if (backend == null) {
      backend = DockerBackends.start(DockerBackendConfig.defaults(cluster));
    }
  }

  /** Starts the daemon in a process of its own (see {@link DaemonProcess}), logging to a file. */
  Process startDaemonProcess(Path logFile) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            DaemonProcess.class.getName(),
            soa.toString(),
            cluster,
            registry)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .start();
  }

  /** Stops the daemon as a crash would: no clean-up of its tasks (they keep running). */
  void crashDaemon() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
    if (daemon != null) {
      daemon.close();
      daemon = null;
    }
  }

  /** The instance's tasks now, as the backend (engine + health checker) sees them. */
  List<ObservedTask> tasks() {
    return backend.observeAll().stream()
        .filter(o -> o.ref().equals(ref))
        .findFirst()
        .map(ObservedInstance::tasks)
        .orElse(List.of());
  }

  /** Another instance's tasks now, as the backend sees them. */
  List<ObservedTask> tasksOf(String instance) {
    InstanceRef other = ref(instance);
    return backend.observeAll().stream()
        .filter(o -> o.ref().equals(other))
        .findFirst()
        .map(ObservedInstance::tasks)
        .orElse(List.of());
  }

  /** Running tasks of apps whose id is (or is not) {@code appId}. */
  long running(String appId, boolean ofThatApp) {
    return tasks().stream()
        .filter(ObservedTask::isRunning)
        .filter(t -> t.appId().equals(appId) == ofThatApp)
        .count();
  }

  long healthy(String appId) {
    return tasks().stream()
        .filter(t -> t.isRunning() && t.health() == HealthState.HEALTHY && t.appId().equals(appId))
        .count();
  }

  /** The app id of the running tasks, when they all belong to one app. */
  Optional<String> onlyApp() {
    List<String> apps =
        tasks().stream()
            .filter(ObservedTask::isRunning)
            .map(ObservedTask::appId)
            .distinct()
            .toList();
    return apps.size() == 1 ? Optional.of(apps.get(0)) : Optional.empty();
  }

  String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    crashDaemon();
    // the daemon leaves HAProxy serving when it stops (the data plane outlives it): the test's is
    // stopped here, by its pid file, or every test with SmartStack leaves one running
    for (Path haproxyDir : proxyDirs) {
      try {
        new io.paasta.discovery.haproxy.LocalProxy(
                io.paasta.discovery.haproxy.ProxySettings.defaults(haproxyDir))
            .stop();
      } catch (RuntimeException e) {
        // stopped already, or not ours: nothing to stop
      }
    }
    if (daemonBackend != null) {
      daemonBackend.close();
    }
    if (backend != null) {
      // every task of this test's cluster, of every instance
      for (ObservedInstance instance : backend.observeAll()) {
        for (ObservedTask task : instance.tasks()) {
          try {
            backend.execute(
                instance.ref(),
                task.isRunning()
                    ? new Action.KillTasks(List.of(task.id()), "test over")
                    : new Action.RemoveExited(List.of(task.id()), "test over"));
          } catch (RuntimeException e) {
            // already gone
          }
        }
      }
      backend.adhocRunner().ifPresent(r -> r.list().forEach(run -> r.remove(run.runId())));
      backend.jobRunner().ifPresent(LocalClusterFixture::removeJobTasks);
      backend.close();
    }
  }

  /** Scheduled jobs' runs are no instance's tasks: removed here, or they outlive the test. */
  private static void removeJobTasks(JobRunner jobs) {
    for (JobTask task : jobs.observeJobTasks()) {
      try {
        jobs.remove(task.taskId()); // a forced removal: a running one too
      } catch (RuntimeException e) {
        // already gone
      }
    }
  }
}
