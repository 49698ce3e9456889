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
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * value; a secret the cluster's key cannot open keeps the service on its last good app, and with
 * brutal, downthenup and upthendown (which stop old tasks before or without new ones up) the bounce
 * is refused before anything is stopped: the one running task stays. Then the leak sweep: the plain
 * texts appear in no API answer, no container label, no plan, no file the daemon wrote (its log,
 * state directory, log files) and nowhere in soa-configs.
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
  private final SealedBox box = new SealedBox(new SecureRandom());
  private ServerProcess server;
  private Path log;
  private ApiClient api;
  private LocalKeySecretProvider provider;
  private SecretFiles files;

  @BeforeEach
  void aCluster() throws IOException {
    server =
        new ServerProcess(
            tmp,
            IMAGE,
            service,
            cluster,
            "\"vault_cluster_map\": {\"%s\": \"%s\"}".formatted(cluster, ECOSYSTEM));
    log = server.log();
    api = server.api();
    // as `paasta secret add` makes them: the daemon's default key folder is <system
    // dir>/secret-keys
    Path keyDir = server.systemDir().resolve("secret-keys");
    LocalKeyStore keys = new LocalKeyStore(keyDir, keyDir);
    keys.createIfMissing(ECOSYSTEM, box);
    provider = new LocalKeySecretProvider(keys, box);
    files = new SecretFiles(server.soa());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void secretsReachTasksAndJobsRotateByABounceAndLeakNowhere() throws Exception {
    secret(OLD, provider);
    write("marathon-" + cluster + ".yaml", instance("main", "crossover") + nonCrossoverInstances());
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
    server.start(3);

    // the task and the job see the plain text
    String firstApp = untilServiceEnv("main", OLD);
    untilJobRunExited(OLD.length());

    // rotation: a new value bounces the service, the job's next run gets it
    secret(NEW, provider);
    String secondApp = untilServiceEnv("main", NEW);
    assertThat(secondApp).isNotEqualTo(firstApp);
    untilJobRunExited(NEW.length());
    Map<String, String> kept = new java.util.TreeMap<>();
    for (String method : NON_CROSSOVER) {
      untilServiceEnv(method, NEW);
      kept.put(method, runningServiceContainers(method).get(0).getId());
    }

    // a secret this cluster's key cannot open: the new app cannot start, the last good one stays
    LocalKeyStore otherKeys = new LocalKeyStore(tmp.resolve("other"), tmp.resolve("other"));
    otherKeys.createIfMissing(ECOSYSTEM, box);
    secret("unopenable-" + NEW, new LocalKeySecretProvider(otherKeys, box));
    Path secretFile = server.soa().resolve(service).resolve("secrets/db_pass.json");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Files.readString(log).contains("secret not available")
                    && Files.readString(log).contains(secretFile.toString()));
    assertThat(Files.readString(log)).contains("wrong key");
    assertThat(runningServiceContainers("main")).hasSize(1);
    assertThat(envOf(runningServiceContainers("main").get(0))).contains("DB_PASS=" + NEW);

    // brutal, downthenup and upthendown: the bounce is refused before anything is stopped
    for (String method : NON_CROSSOVER) {
      String refused = service + "." + method + ": app ";
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  Files.readString(log)
                          .lines()
                          .filter(
                              l -> l.contains(refused) && l.contains("cannot start, nothing done"))
                          .count()
                      >= 2); // two passes refused: the plan would have stopped the task at the
      // first
    }
    for (String method : NON_CROSSOVER) {
      assertThat(containers())
          .as(method + ": the one task that ran, still running, no other made or stopped")
          .filteredOn(c -> method.equals(c.getLabels().get("paasta_instance")))
          .extracting(Container::getId, Container::getState)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(kept.get(method), "running"));
    }

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
    assertThat(written).contains(log).anySatisfy(p -> assertThat(p).startsWith(server.stateDir()));
    for (Path file : written) {
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(bytes).as(file.toString()).doesNotContain(OLD).doesNotContain(NEW);
    }
  }

  /** {@code paasta server --dry-run}: the plans of every instance, printed. */
  private String dryRun() throws Exception {
    return server.runToEnd(server.command(3, "--dry-run"), tmp.resolve("plan.out"));
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

  /** Waits until the instance's only running container has DB_PASS=value; its app id. */
  private String untilServiceEnv(String instance, String value) throws InterruptedException {
    return server
        .containers()
        .untilOneRunningWith(instance, WAIT, "DB_PASS=" + value, "PLAIN_VALUE=not-a-secret");
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

  private List<Container> runningServiceContainers(String instance) {
    return server.containers().running(instance);
  }

  private List<String> envOf(Container container) {
    return server.containers().env(container);
  }

  private List<Container> containers() {
    return server.containers().all();
  }

  private void write(String file, String text) throws IOException {
    server.write(file, text);
  }

  /** The bounce methods that stop old tasks before (or without) new ones being up. */
  private static final List<String> NON_CROSSOVER = List.of("brutal", "downthenup", "upthendown");

  /** One instance of each of {@link #NON_CROSSOVER}, named after it. */
  private static String nonCrossoverInstances() {
    StringBuilder yaml = new StringBuilder();
    NON_CROSSOVER.forEach(method -> yaml.append(instance(method, method)));
    return yaml.toString();
  }

  /** A long-running instance of one task, with the secret and a plain value in its env. */
  private static String instance(String name, String bounceMethod) {
    return """
        %s:
          deploy_group: prod
          instances: 1
          bounce_method: %s
          cmd: 'httpd -f -p 127.0.0.1:$PORT0 -h /www'
          healthcheck_mode: http
          healthcheck_uri: /status
          healthcheck_grace_period_seconds: 1
          healthcheck_interval_seconds: 1
          env:
            DB_PASS: SECRET(db_pass)
            PLAIN_VALUE: not-a-secret
        """
        .formatted(name, bounceMethod);
  }
}
