package io.paasta.server;

import static org.awaitility.Awaitility.await;

import io.paasta.deploy.testing.ClusterContainers;
import io.paasta.server.cli.ServerMain;
import io.paasta.testing.DaemonArgs;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test cluster served by {@code paasta server} ({@link ServerMain}) in a child process of its
 * own, on the real Docker engine: its soa-configs ({@code tmp/soa}, one service deploying the
 * example image as deploy group {@code prod}), system config ({@code tmp/etc_paasta}), state
 * directory ({@code tmp/state}) and log ({@code tmp/daemon.log}). {@link #close} stops every
 * process started, prints the daemon's log into the test's output and removes the cluster's
 * containers.
 */
final class ServerProcess implements AutoCloseable {
  private static final Duration START_WAIT = Duration.ofSeconds(150);

  private final ClusterContainers containers;
  private final String service;
  private final String cluster;
  private final Path soa;
  private final Path systemDir;
  private final Path stateDir;
  private final Path log;
  private final int port;
  private final ApiClient api;
  private final List<Process> started = new ArrayList<>();

  /**
   * @param systemConfig more keys of the system config, as JSON members ("" for none)
   */
  ServerProcess(Path tmp, ExampleImage image, String service, String cluster, String systemConfig)
      throws IOException {
    this.containers = new ClusterContainers(image.docker(), cluster);
    this.service = service;
    this.cluster = cluster;
    this.soa = Files.createDirectories(tmp.resolve("soa"));
    this.systemDir = Files.createDirectories(tmp.resolve("etc_paasta"));
    this.stateDir = tmp.resolve("state");
    this.log = tmp.resolve("daemon.log");
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
    String registry = image.image().registry();
    Files.writeString(
        systemDir.resolve("00-cluster.json"),
        """
        {"cluster": "%s", "docker_registry": "%s",
         "api_endpoints": {"%s": "http://127.0.0.1:%d"}%s}
        """
            .formatted(
                cluster,
                registry,
                cluster,
                port,
                systemConfig.isEmpty() ? "" : ",\n " + systemConfig));
    write("service.yaml", "docker_registry: " + registry + "\n");
    write(
        "deployments.json",
        """
        {"v1": {}, "v2": {"deployments": {"prod": {"docker_image": "%s", "git_sha": "%s"}},
                          "controls": {}}}
        """
            .formatted(image.image().withoutRegistry(), image.image().gitSha()));
    this.api = new ApiClient(URI.create("http://127.0.0.1:" + port + "/"));
  }

  Path soa() {
    return soa;
  }

  Path systemDir() {
    return systemDir;
  }

  Path stateDir() {
    return stateDir;
  }

  Path log() {
    return log;
  }

  int port() {
    return port;
  }

  ApiClient api() {
    return api;
  }

  /** Writes a file of the service, renamed into place with a past time (it counts at once). */
  void write(String file, String text) throws IOException {
    Path dir = Files.createDirectories(soa.resolve(service));
    Path temp = dir.resolve("." + file + ".tmp");
    Files.writeString(temp, text);
    Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minusSeconds(60)));
    Files.move(
        temp,
        dir.resolve(file),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** {@code paasta server} with its directories, the loop's given pace and {@code extra}. */
  List<String> command(int fullPassSeconds, String... extra) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1", // starts sooner on a loaded machine
                "-cp",
                System.getProperty("java.class.path"),
                ServerMain.class.getName()));
    command.addAll(DaemonArgs.server(soa, systemDir, stateDir, fullPassSeconds));
    command.addAll(List.of(extra));
    return command;
  }

  /** Starts the daemon (its output appended to the log); returns once its API answers. */
  Process start(int fullPassSeconds, String... extra) throws IOException {
    Process daemon =
        new ProcessBuilder(command(fullPassSeconds, extra))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    started.add(daemon);
    await()
        .atMost(START_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> daemon.isAlive() && api.get("/v1/version").status() == 200);
    return daemon;
  }

  /** Runs the command to its end (within two minutes); its output, stdout and stderr together. */
  String runToEnd(List<String> command, Path out) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    started.add(process);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      throw new AssertionError("did not end within 120 s: " + command);
    }
    return Files.readString(out);
  }

  /** The cluster's containers on the engine. */
  ClusterContainers containers() {
    return containers;
  }

  @Override
  public void close() throws Exception {
    for (Process process : started) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    if (Files.exists(log)) {
      System.out.println(Files.readString(log)); // the daemon's log, in the test's output
    }
    containers.removeAll();
  }
}
