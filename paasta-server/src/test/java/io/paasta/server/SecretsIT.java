package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.Container;
import io.paasta.config.secrets.LocalKeySecretProvider;
import io.paasta.config.secrets.LocalKeyStore;
import io.paasta.config.secrets.SealedBox;
import io.paasta.config.secrets.SecretFiles;
import io.paasta.model.SecretRef;
import io.paasta.server.cli.ServerMain;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets end to end on the real Docker engine, with {@code paasta server} in a process of its own:
 * a service and a job whose env says {@code SECRET(db_pass)} get the plain text in their
 * containers' env; rotating the secret bounces the service and the job's next run gets the new
 * value; a secret the cluster's key cannot open keeps the service on its last good app. Then the
 * leak sweep: the plain texts appear in no API answer, no container label, no plan, no file the
 * daemon wrote (its log, state directory, log files) and nowhere in soa-configs.
 */
class SecretsIT {
  private static final Duration WAIT = Duration.ofSeconds(150);
  private static final String OLD = "old-s3cret-" + TestInfrastructure.randomSha().substring(0, 6);
  private static final String NEW =
      "rotated-s3cret-value-" + TestInfrastructure.randomSha().substring(0, 9);
  private static final String ECOSYSTEM = "ecotest";

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;

  private final String service = TestInfrastructure.randomService("it-sec");
  private final String cluster = "it" + TestInfrastructure.randomSha().substring(0, 8);
  private final List<Process> started = new ArrayList<>();
  private final SealedBox box = new SealedBox(new SecureRandom());
  private Path soa;
  private Path systemDir;
  private Path stateDir;
  private Path log;
  private ApiClient api;
  private LocalKeySecretProvider provider;
  private SecretFiles files;

  @BeforeEach
  void aCluster() throws IOException {
    soa = Files.createDirectories(tmp.resolve("soa"));
    systemDir = Files.createDirectories(tmp.resolve("etc_paasta"));
    stateDir = tmp.resolve("state");
    log = tmp.resolve("daemon.log");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String registry = IMAGE.image().registry();
    Files.writeString(
        systemDir.resolve("00-cluster.json"),
        """
        {"cluster": "%s", "docker_registry": "%s",
         "api_endpoints": {"%s": "http://127.0.0.1:%d"},
         "vault_cluster_map": {"%s": "%s"}}
        """
            .formatted(cluster, registry, cluster, port, cluster, ECOSYSTEM));
    // as `paasta secret add` makes them: the daemon's default key folder is <system
    // dir>/secret-keys
    LocalKeyStore keys =
        new LocalKeyStore(systemDir.resolve("secret-keys"), systemDir.resolve("secret-keys"));
    keys.createIfMissing(ECOSYSTEM, box);
    provider = new LocalKeySecretProvider(keys, box);
    files = new SecretFiles(soa);
    write("service.yaml", "docker_registry: " + registry + "\n");
    write(
        "deployments.json",
        """
        {"v1": {}, "v2": {"deployments": {"prod": {"docker_image": "%s", "git_sha": "%s"}},
                          "controls": {}}}
        """
            .formatted(IMAGE.image().withoutRegistry(), IMAGE.image().gitSha()));
    api = new ApiClient(URI.create("http://127.0.0.1:" + port + "/"));
  }

  @AfterEach
  void stop() throws Exception {
    for (Process process : started) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    if (Files.exists(log)) {
      System.out.println(Files.readString(log)); // the daemon's log, in the test's output
    }
    for (Container container : containers()) {
      try {
        IMAGE.docker().removeContainerCmd(container.getId()).withForce(true).exec();
      } catch (RuntimeException e) {
        // already gone
      }
    }
  }

  @Test
  void secretsReachTasksAndJobsRotateByABounceAndLeakNowhere() throws Exception {
    secret(OLD, provider);
    write(
        "marathon-" + cluster + ".yaml",
        """
        main:
          deploy_group: prod
          instances: 1
          bounce_method: crossover
          cmd: 'httpd -f -p 127.0.0.1:$PORT0 -h /www'
          healthcheck_mode: http
          healthcheck_uri: /status
          healthcheck_grace_period_seconds: 1
          healthcheck_interval_seconds: 1
          env:
            DB_PASS: SECRET(db_pass)
            PLAIN_VALUE: not-a-secret
        """);
    Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(5);
    write(
        "chronos-" + cluster + ".yaml",
        """
        nightly:
          deploy_group: prod
          schedule: "R/%s/PT60S"
          epsilon: PT30S
          cmd: 'exit ${#DB_PASS}'
          env:
            DB_PASS: SECRET(db_pass)
        """
            .formatted(first));
    startDaemon();

    // the task and the job see the plain text
    String firstApp = untilServiceEnv(OLD);
    untilJobRunExited(OLD.length());

    // rotation: a new value bounces the service, the job's next run gets it
    secret(NEW, provider);
    String secondApp = untilServiceEnv(NEW);
    assertThat(secondApp).isNotEqualTo(firstApp);
    untilJobRunExited(NEW.length());

    // a secret this cluster's key cannot open: the new app cannot start, the last good one stays
    LocalKeyStore otherKeys = new LocalKeyStore(tmp.resolve("other"), tmp.resolve("other"));
    otherKeys.createIfMissing(ECOSYSTEM, box);
    secret("unopenable-" + NEW, new LocalKeySecretProvider(otherKeys, box));
    Path secretFile = soa.resolve(service).resolve("secrets/db_pass.json");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Files.readString(log).contains("secret not available")
                    && Files.readString(log).contains(secretFile.toString()));
    assertThat(Files.readString(log)).contains("wrong key");
    assertThat(runningServiceContainers()).hasSize(1);
    assertThat(envOf(runningServiceContainers().get(0))).contains("DB_PASS=" + NEW);

    leakSweep();
  }

  /** Every output the daemon produces, searched for both plain texts. */
  private void leakSweep() throws Exception {
    List<String> outputs = new ArrayList<>();
    String instance = "/v1/services/" + service + "/";
    for (String path :
        List.of(
            "/v1/services",
            "/v1/services/" + service,
            instance + "main/runs",
            instance + "nightly/runs?limit=50",
            "/v1/services/" + service + "/logs",
            "/v1/services/" + service + "/logs?lines=1000",
            "/v1/openapi.json",
            "/metrics")) {
      outputs.add(path + ": " + api.get(path).body());
    }
    for (String name : List.of("main", "nightly")) {
      for (int verbose = 0; verbose <= 3; verbose++) {
        outputs.add(api.get(instance + name + "/status?verbose=" + verbose).body());
        outputs.add(api.get(instance + name + "/tasks?verbose=" + verbose).body());
      }
    }
    for (Container container : containers()) {
      outputs.add("labels of " + container.getId() + ": " + container.getLabels());
      outputs.add("names: " + Arrays.toString(container.getNames()));
      outputs.add("command: " + container.getCommand());
    }
    outputs.add("plan: " + dryRun());
    for (String output : outputs) {
      assertThat(output).doesNotContain(OLD).doesNotContain(NEW);
    }
    // what was searched is the real thing: the runs that saw the new value, the tasks' labels
    assertThat(outputs).anySatisfy(o -> assertThat(o).contains("\"exit_code\":" + NEW.length()));
    assertThat(outputs).anySatisfy(o -> assertThat(o).contains("paasta_app_id"));
    List<Path> written;
    try (Stream<Path> walk = Files.walk(tmp)) {
      written = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(written).contains(log).anySatisfy(p -> assertThat(p).startsWith(stateDir));
    for (Path file : written) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(bytes).as(file.toString()).doesNotContain(OLD).doesNotContain(NEW);
    }
  }

  /** {@code paasta server --dry-run}: the plans of every instance, printed. */
  private String dryRun() throws Exception {
    Path out = tmp.resolve("plan.out");
    Process plan =
        new ProcessBuilder(daemonCommand("--dry-run"))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    started.add(plan);
    assertThat(plan.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return Files.readString(out);
  }

  /** Encrypts the value of {@code db_pass} for the ecosystem, as `paasta secret update` does. */
  private void secret(String value, LocalKeySecretProvider with) {
    Path file = files.path(service, new SecretRef("db_pass", false));
    files.write(file, ECOSYSTEM, with.encrypt(ECOSYSTEM, "db_pass", value));
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the service's only running container has DB_PASS=value; its app id. */
  private String untilServiceEnv(String value) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              List<Container> running = runningServiceContainers();
              return running.size() == 1
                  && envOf(running.get(0)).contains("DB_PASS=" + value)
                  && envOf(running.get(0)).contains("PLAIN_VALUE=not-a-secret");
            });
    return runningServiceContainers().get(0).getLabels().get("paasta_app_id");
  }

  /** Waits until a run of the job exited with {@code code} (the length of DB_PASS it saw). */
  private void untilJobRunExited(int code) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              List<JsonNode> runs = new ArrayList<>();
              api.json("/v1/services/" + service + "/nightly/runs?limit=50")
                  .get("runs")
                  .forEach(runs::add);
              return runs.stream()
                  .anyMatch(r -> r.path("exit_code").isInt() && r.get("exit_code").asInt() == code);
            });
  }

  private List<Container> runningServiceContainers() {
    return containers().stream()
        .filter(c -> "main".equals(c.getLabels().get("paasta_instance")))
        .filter(c -> "running".equals(c.getState()))
        .toList();
  }

  private List<String> envOf(Container container) {
    String[] env =
        IMAGE.docker().inspectContainerCmd(container.getId()).exec().getConfig().getEnv();
    return env == null ? List.of() : List.of(env);
  }

  /** Every container of this test's cluster, exited ones too. */
  private List<Container> containers() {
    return IMAGE
        .docker()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of("paasta_cluster", cluster))
        .exec();
  }

  private List<String> daemonCommand(String... extra) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ServerMain.class.getName(),
                "server",
                "--soa-dir",
                soa.toString(),
                "--system-config-dir",
                systemDir.toString(),
                "--state-dir",
                stateDir.toString(),
                "--no-smartstack",
                "--full-pass-every",
                "3",
                "--deployments-poll-every",
                "3600"));
    command.addAll(List.of(extra));
    return command;
  }

  /** {@code paasta server} in a process of its own; returns once its API answers. */
  private void startDaemon() throws IOException {
    Process daemon =
        new ProcessBuilder(daemonCommand())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    started.add(daemon);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> daemon.isAlive() && api.get("/v1/version").status() == 200);
  }

  /** Writes a file of the service, renamed into place with a past time (it counts at once). */
  private void write(String file, String text) throws IOException {
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
}
