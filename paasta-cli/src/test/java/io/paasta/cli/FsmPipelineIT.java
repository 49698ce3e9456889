package io.paasta.cli;

import static io.paasta.cli.testing.BuiltJars.CLI_JAR;
import static io.paasta.cli.testing.BuiltJars.SERVER_JAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.paasta.cli.testing.BuiltJars;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.testing.ClusterContainers;
import io.paasta.deploy.testing.RealEngine;
import io.paasta.deploy.testing.RegistryImages;
import io.paasta.testing.ConfigTree;
import io.paasta.testing.DaemonArgs;
import io.paasta.testing.FreePorts;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does after the quick start, with the built programs: {@code paasta fsm --repo}
 * writes a new service into a soa-configs tree (beside a service that is there already), {@code
 * paasta validate} and {@code paasta check} accept it, and {@code paasta pipeline run} of the
 * repository's commit builds and itests the image (the repository's Makefile, the real engine),
 * pushes it to the local registry, tags each deploy group in the repository and waits for each
 * deploy: the daemon ({@code paasta-server.jar} in a process of its own, reading the git tags) runs
 * the canary and the three main tasks, each healthy and serving the repository's {@code /status} on
 * its port. Without SmartStack (no HAProxy route is checked here: the daemon runs with {@code
 * --no-smartstack}, as the other daemon-process tests do, so that it needs no fixed port).
 */
class FsmPipelineIT {
  private static final Duration WAIT = Duration.ofSeconds(240);
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final RealEngine ENGINE = RealEngine.withRegistry();

  @TempDir Path tmp;

  private final String service = TestInfrastructure.randomService("it-fsm");
  private final String cluster = "itf" + TestInfrastructure.randomSha().substring(0, 8);

  /** A second cluster of the tree (after this one in order), whose daemon is not on this host. */
  private final String otherCluster = "itz" + cluster.substring(3);

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> started = new ArrayList<>();
  private final RegistryImages images = new RegistryImages();
  private DockerClient docker;
  private ClusterContainers containers;
  private Path soa;
  private Path systemDir;
  private Path repo;
  private Path daemonLog;
  private URI api;

  @BeforeEach
  void aTreeWithOneServiceAndTheClustersSystemConfig() throws IOException {
    assertThat(SERVER_JAR)
        .as("the daemon's jar: ./mvnw -B -o package -DskipTests -pl paasta-server -am builds it")
        .isRegularFile();
    assertThat(CLI_JAR).as("the CLI's jar (packaged before the integration tests)").isRegularFile();
    docker = ENGINE.docker();
    containers = new ClusterContainers(docker, cluster);
    soa = ConfigTree.soaConfigs(tmp).root();
    ConfigTree system = ConfigTree.systemConfig(tmp);
    systemDir = system.root();
    repo = tmp.resolve("repos").resolve(service);
    daemonLog = tmp.resolve("daemon.log");
    int port = FreePorts.pick();
    api = URI.create("http://127.0.0.1:" + port);
    system.write(
        "10-cluster.json",
        """
        {"cluster": "%s", "docker_registry": "%s",
         "api_endpoints": {"%s": "http://127.0.0.1:%d"}}
        """
            .formatted(cluster, ENGINE.registry(), cluster, port));
    Files.writeString(systemDir.resolve("api_token"), TestInfrastructure.randomSha() + "\n");
    // the service that is there already: its cluster is the one fsm writes for, its port taken
    ConfigTree tree = ConfigTree.at(soa);
    tree.write("neighbour/service.yaml", "external_link: http://127.0.0.1/neighbour\n");
    tree.write("neighbour/monitoring.yaml", "team: neighbours\n");
    tree.write("neighbour/smartstack.yaml", "main:\n  proxy_port: 19000\n");
    tree.write("neighbour/deploy.yaml", "pipeline:\n  - step: prod\n");
    for (String c : List.of(cluster, otherCluster)) {
      tree.write(
          "neighbour/marathon-" + c + ".yaml",
          "main:\n  deploy_group: prod\n  instances: 1\n  cmd: httpd -f -p 127.0.0.1:$PORT0\n");
    }
  }

  @AfterEach
  void stop() throws Exception {
    BuiltJars.stop(started);
    if (Files.exists(daemonLog)) {
      System.out.println(Files.readString(daemonLog)); // the daemon's log, in the test's output
    }
    containers.removeAll();
    images.removeAll(docker);
  }

  @Test
  void fsmThenValidateCheckAndThePipelineBringTheNewServiceUp() throws Exception {
    // 1. fsm: the soa-configs and the repository (one commit)
    String fsm =
        cli(
            "fsm",
            "-y",
            soa.toString(),
            "-s",
            service,
            "--team",
            "shop",
            "--repo",
            repo.toString());
    assertThat(fsm)
        .startsWith(
            "Wrote "
                + service
                + " (proxy_port 19001, clusters "
                + cluster
                + ", "
                + otherCluster
                + "):");
    String sha = git("rev-parse", "HEAD");
    images.track(new DockerImageName(ENGINE.registry(), service, sha));

    // 2. validate and check accept it
    cli("validate", "-s", service);
    assertThat(cli("check", "-s", service, "--repo", repo.toString()))
        .contains("proxy_port in range and unique: main 19001")
        .contains("the git remote file://" + repo + " answers");

    // 3. the daemon of the cluster, following the git tags; then the pipeline of deploy.yaml
    startDaemon();
    String pipeline =
        cli(
            "pipeline",
            "run",
            "-s",
            service,
            "-c",
            sha,
            "--repo-dir",
            repo.toString(),
            "--timeout",
            Long.toString(WAIT.toSeconds()));
    assertThat(pipeline)
        .contains("itest")
        .contains("push-to-registry")
        .contains(cluster + ".canary")
        .contains(cluster + ".main")
        .contains("itest: GET /status -> ")
        .doesNotContain("was not kept")
        // this host's cluster done, the run stops before the next cluster's steps
        .contains(
            "to continue: paasta pipeline run -s "
                + service
                + " -c "
                + sha
                + " --from "
                + otherCluster
                + ".canary");
    assertThat(git("status", "--porcelain")).as("the checkout after the build").isEmpty();

    // 4. up: the API says so, each task serves /status on its port
    for (String instance : List.of("canary", "main")) {
      JsonNode status =
          JSON.readTree(get(api.resolve("/v1/services/" + service + "/" + instance + "/status")));
      assertThat(status.path("git_sha").asText()).isEqualTo(sha);
      JsonNode tasks = status.path("marathon");
      assertThat(tasks.path("deploy_status").asText()).as(status.toString()).isEqualTo("Running");
      assertThat(tasks.path("healthy_instance_count").asInt())
          .as(status.toString())
          .isEqualTo(tasks.path("expected_instance_count").asInt())
          .isEqualTo(instance.equals("main") ? 3 : 1);
      List<Container> running = containers.running(instance);
      assertThat(running).hasSize(instance.equals("main") ? 3 : 1);
      for (Container task : running) {
        String port =
            containers.env(task).stream()
                .filter(e -> e.startsWith("PORT0="))
                .findFirst()
                .orElseThrow()
                .substring("PORT0=".length());
        assertThat(get(URI.create("http://127.0.0.1:" + port + "/status")).strip())
            .as(instance + " task " + task.getNames()[0])
            .isNotEmpty();
      }
    }
  }

  /**
   * {@code paasta ARGS} from the CLI's jar; its output (stdout and stderr); fails unless exit 0.
   */
  private String cli(String... args) throws Exception {
    List<String> command = BuiltJars.command(CLI_JAR, List.of(args));
    Path out = Files.createTempFile(tmp, "cli", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    environment(builder);
    Process process = builder.start();
    started.add(process);
    boolean ended = process.waitFor(WAIT.toSeconds() + 60, TimeUnit.SECONDS);
    String output = Files.readString(out);
    System.out.println("$ paasta " + String.join(" ", args) + "\n" + output);
    assertThat(ended).as("paasta " + String.join(" ", args) + " ended").isTrue();
    assertThat(process.exitValue())
        .as("paasta " + String.join(" ", args) + ":\n" + output)
        .isZero();
    return output;
  }

  private void environment(ProcessBuilder builder) {
    builder.environment().put("PAASTA_SOA_DIR", soa.toString());
    builder.environment().put("PAASTA_SYSTEM_CONFIG_DIR", systemDir.toString());
    builder.environment().put("PAASTA_GIT_CACHE", tmp.resolve("git-cache").toString());
    builder.environment().put("PAASTA_API_TOKEN_FILE", systemDir.resolve("api_token").toString());
  }

  private String git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    assertThat(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0)
        .as(output)
        .isTrue();
    return output;
  }

  /**
   * {@code paasta server} from its jar, reading git tags every 2 s; returns once its API answers.
   */
  private void startDaemon() throws IOException {
    List<String> command =
        BuiltJars.command(
            SERVER_JAR, DaemonArgs.server(soa, systemDir, tmp.resolve("state"), 5, 2));
    command.addAll(List.of("--api-token-file", systemDir.resolve("api_token").toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(daemonLog.toFile()));
    environment(builder);
    Process daemon = builder.start();
    started.add(daemon);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> daemon.isAlive() && !get(api.resolve("/v1/version")).isEmpty());
  }

  /** The body of a GET that answers 200. */
  private String get(URI uri) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
    return response.body();
  }
}
