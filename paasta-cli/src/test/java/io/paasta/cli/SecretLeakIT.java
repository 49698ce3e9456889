package io.paasta.cli;

import static io.paasta.cli.testing.BuiltJars.CLI_JAR;
import static io.paasta.cli.testing.BuiltJars.SERVER_JAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import io.paasta.cli.testing.BuiltJars;
import io.paasta.deploy.testing.ClusterContainers;
import io.paasta.deploy.testing.ExampleImage;
import io.paasta.testing.ConfigTree;
import io.paasta.testing.DaemonArgs;
import io.paasta.testing.FreePorts;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The whole secrets flow with the built programs, as a user runs them: {@code paasta server} from
 * {@code paasta-server/target/paasta-server.jar} in a process of its own on the real Docker engine,
 * and every {@code paasta} command from {@code paasta-cli/target/paasta-cli.jar} (packaged before
 * the integration tests run) in a process of its own each. {@code paasta secret add} makes the key
 * pair and a secret of the service and a shared one; a service and a job see both; {@code paasta
 * secret update --shared} reaches the service at once (the daemon's full pass is an hour away: its
 * watcher sees {@code _shared/secrets/}) and the job's next run, without a service file touched.
 *
 * <p>Then the leak sweep: every read command with each of its flags ({@code status}, {@code logs}
 * of every component, {@code metastatus}, {@code info}, {@code list}, {@code autoscale}, {@code
 * rerun}, {@code local-run --dry-run}, {@code validate}, {@code plan}, {@code secret run}), the
 * daemon's log, every file of its state directory (the SQLite database, the log store), the labels,
 * names and commands of every container, and the engine's events: no plain text anywhere, each
 * place where one appeared is named. {@code secret decrypt}, whose job is to print it, does (the
 * sweep's own check that it would see one).
 *
 * <p>{@code paasta rerun} has no dry run: it runs the job (that is how its runs are made here).
 */
class SecretLeakIT {
  private static final Duration WAIT = Duration.ofSeconds(180);
  private static final String SUFFIX = TestInfrastructure.randomSha().substring(0, 10);
  private static final String DB_PASS = "db-pl41n-" + SUFFIX;
  private static final String TOKEN = "t0ken-pl41n-" + SUFFIX;
  private static final String ROTATED_TOKEN = "r0tated-t0ken-pl41n-value-" + SUFFIX;
  private static final List<String> PLAIN_TEXTS = List.of(DB_PASS, TOKEN, ROTATED_TOKEN);
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;

  private final String service = TestInfrastructure.randomService("it-leak");
  private final String cluster = "itl" + TestInfrastructure.randomSha().substring(0, 8);
  private final DockerClient docker = IMAGE.docker();
  private final ClusterContainers containers = new ClusterContainers(docker, cluster);
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> started = new ArrayList<>();
  private final Map<String, String> outputs = new LinkedHashMap<>();
  private final Map<String, Integer> exits = new LinkedHashMap<>();
  private int lastExit;
  private Path soa;
  private Path systemDir;
  private Path stateDir;
  private Path cliOut;
  private Path daemonLog;
  private URI api;

  /** The engine's events of this cluster, followed from the start (its history keeps 256). */
  private final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

  private java.io.Closeable eventStream;

  @BeforeEach
  void aClusterWithItsSystemConfig() throws IOException {
    assertThat(SERVER_JAR)
        .as("the daemon's jar: ./mvnw -B -o package -DskipTests -pl paasta-server -am builds it")
        .isRegularFile();
    assertThat(CLI_JAR).as("the CLI's jar (packaged before the integration tests)").isRegularFile();
    eventStream =
        docker
            .eventsCmd()
            .withLabelFilter(Map.of("paasta_cluster", cluster))
            .exec(
                new com.github.dockerjava.api.async.ResultCallback.Adapter<Event>() {
                  @Override
                  public void onNext(Event event) {
                    events.add(event.getAction() + " " + event.getActor().getAttributes());
                  }
                });
    soa = ConfigTree.soaConfigs(tmp).root();
    ConfigTree system = ConfigTree.systemConfig(tmp);
    systemDir = system.root();
    stateDir = tmp.resolve("state");
    cliOut = Files.createDirectories(tmp.resolve("cli-output"));
    daemonLog = tmp.resolve("daemon.log");
    int port = FreePorts.pick();
    api = URI.create("http://127.0.0.1:" + port);
    system.write(
        "10-cluster.json",
        """
        {"cluster": "%s", "docker_registry": "%s",
         "api_endpoints": {"%s": "http://127.0.0.1:%d"},
         "vault_cluster_map": {"%s": "eco-%s"}}
        """
            .formatted(
                cluster, IMAGE.image().registry(), cluster, port, cluster, cluster.substring(3)));
    Files.writeString(systemDir.resolve("api_token"), "token-" + SUFFIX + "\n");
    ConfigTree tree = ConfigTree.at(soa);
    tree.write(
        service + "/service.yaml",
        "docker_registry: "
            + IMAGE.image().registry()
            + "\nexternal_link: http://127.0.0.1/"
            + service
            + "\n");
    tree.write(service + "/monitoring.yaml", "team: secrets-test\n");
    tree.write(service + "/deploy.yaml", "pipeline:\n  - step: prod\n");
    tree.write(
        service + "/deployments.json",
        """
        {"v1": {}, "v2": {"deployments": {"prod": {"docker_image": "%s", "git_sha": "%s"}},
                          "controls": {}}}
        """
            .formatted(IMAGE.image().withoutRegistry(), IMAGE.image().gitSha()));
  }

  @AfterEach
  void stop() throws Exception {
    BuiltJars.stop(started);
    if (eventStream != null) {
      eventStream.close();
    }
    if (Files.exists(daemonLog)) {
      System.out.println(Files.readString(daemonLog)); // the daemon's log, in the test's output
    }
    containers.removeAll();
  }

  @Test
  void fromSecretAddToTheTaskAndTheJobWithNoPlainTextInAnyOutput() throws Exception {
    // 1. the user's flow: secrets added with the CLI (the first add makes the key pair)
    String add = cli("secret", "add", "-s", service, "-n", "db_pass", "-c", cluster, "-p", DB_PASS);
    assertThat(add)
        .contains("Created the key pair of ecosystem eco-" + cluster.substring(3))
        .contains("PAASTA_SECRET_DB_PASS: SECRET(db_pass)");
    String shared = cli("secret", "add", "--shared", "-n", "api_token", "-c", cluster, "-p", TOKEN);
    assertThat(shared).contains("SHARED_SECRET(api_token)");
    instances();
    startDaemon();

    // 2. the task and the job see the plain texts
    String first = untilMainSees(TOKEN);
    assertThat(rerunExitCode()).isEqualTo(TOKEN.length());

    // 3. the shared secret rotated: the service bounces at once, the job's next run gets it
    Instant serviceFiles = lastChange(soa.resolve(service));
    cli("secret", "update", "--shared", "-n", "api_token", "-c", cluster, "-p", ROTATED_TOKEN);
    String second = untilMainSees(ROTATED_TOKEN);
    assertThat(second).isNotEqualTo(first);
    assertThat(rerunExitCode()).isEqualTo(ROTATED_TOKEN.length());
    assertThat(lastChange(soa.resolve(service))).isEqualTo(serviceFiles);

    // 4. the sweep
    runEveryReadCommand();
    outputs.forEach((command, output) -> System.out.println("$ " + command + "\n" + output));
    // they ran as a user's would (no error messages were swept instead of answers)
    assertThat(exits)
        .allSatisfy(
            (command, exit) ->
                assertThat(exit)
                    .as(command + ":\n" + outputs.get(command))
                    .isIn(command.startsWith("paasta metastatus") ? List.of(0, 2) : List.of(0)));
    daemonOutputs();
    Map<String, String> decrypt = new LinkedHashMap<>();
    decrypt.put(
        "paasta secret decrypt",
        cli("secret", "decrypt", "-s", service, "-n", "db_pass", "-c", cluster));
    assertThat(leaks(decrypt)).as("the sweep sees a plain text where one is").isNotEmpty();
    assertThat(leaks(outputs)).as("where a plain text appeared").isEmpty();
    // what was searched is the real thing: the task's app id, its output, the SQLite database
    assertThat(outputs.get("paasta status -s " + service + " -v")).contains(second);
    assertThat(outputs.get("paasta logs -s " + service + " -C stdout -a 1h"))
        .contains("serving with a password of " + DB_PASS.length() + " characters");
    assertThat(outputs.get(stateDir.resolve("paasta.db").toString())).isNotEmpty();
  }

  /** A long-running instance and a job, each with a secret of the service and a shared one. */
  private void instances() {
    ConfigTree tree = ConfigTree.at(soa);
    tree.write(
        service + "/marathon-" + cluster + ".yaml",
        """
        main:
          deploy_group: prod
          instances: 1
          cmd: 'echo "serving with a password of ${#DB_PASS} characters"; exec httpd -f -p 127.0.0.1:$PORT0 -h /www'
          healthcheck_mode: http
          healthcheck_uri: /status
          healthcheck_grace_period_seconds: 1
          healthcheck_interval_seconds: 1
          env:
            DB_PASS: SECRET(db_pass)
            API_TOKEN: SHARED_SECRET(api_token)
        """);
    tree.write(
        service + "/chronos-" + cluster + ".yaml",
        """
        nightly:
          deploy_group: prod
          schedule: "R/2099-01-01T00:00:00Z/P1D"
          retries: 0
          cmd: 'echo "job with a password of ${#DB_PASS} characters"; exit ${#API_TOKEN}'
          env:
            DB_PASS: SECRET(db_pass)
            API_TOKEN: SHARED_SECRET(api_token)
        """);
  }

  /** Every read command of the CLI, with each of its flags; each output kept by its command. */
  private void runEveryReadCommand() throws Exception {
    for (String flags :
        List.of("", "-v", "-vv", "-vvv", "--json", "-vvv --json", "-i nightly -vv")) {
      read("status -s " + service + " " + flags);
    }
    for (String component :
        List.of(
            "build",
            "deploy",
            "monitoring",
            "oom",
            "task_lifecycle",
            "stdout",
            "stderr",
            "app_output",
            "marathon",
            "chronos")) {
      read("logs -s " + service + " -C " + component + " -a 1h");
    }
    for (String flags :
        List.of("", "-l 1000", "-l 1000 -r", "-l 1000 -S", "-i main -a 1h", "-i nightly -a 1h")) {
      read("logs -s " + service + " " + flags);
    }
    for (String flags :
        List.of(
            "", "-v", "-vv", "-vvv", "--json", "-vvv --json", "-vvv -s " + service + " -i main")) {
      read("metastatus " + flags);
    }
    read("info -s " + service);
    read("info -s " + service + " --json");
    for (String flags : List.of("", "-a", "-i", "--json")) {
      read("list " + flags);
    }
    read("autoscale -s " + service + " -i main -c " + cluster);
    read("validate -s " + service);
    read("local-run -s " + service + " -c " + cluster + " -i main --pull --dry-run");
    read("local-run -s " + service + " -c " + cluster + " -i nightly --pull --dry-run");
    read("secret run -s " + service + " -i main -c " + cluster + " -- sh -c 'echo ${#DB_PASS}'");
    outputs.put(
        "paasta plan",
        run(
            List.of(
                "-jar",
                SERVER_JAR.toString(),
                "plan",
                "--soa-dir",
                soa.toString(),
                "--system-config-dir",
                systemDir.toString(),
                "--state-dir",
                tmp.resolve("plan-state").toString(),
                "--no-smartstack")));
    exits.put("paasta plan", lastExit);
  }

  /** The daemon's log, every file it (or anything else) wrote, the engine's view of the tasks. */
  private void daemonOutputs() throws Exception {
    outputs.put("the daemon's log", Files.readString(daemonLog));
    try (Stream<Path> walk = Files.walk(tmp)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        if (!file.startsWith(cliOut)) {
          outputs.put(
              file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
      }
    }
    for (Container container : containers.all()) {
      InspectContainerResponse inspect = docker.inspectContainerCmd(container.getId()).exec();
      outputs.put(
          "docker inspect " + inspect.getName(),
          "labels "
              + inspect.getConfig().getLabels()
              + " cmd "
              + String.join(" ", nonNull(inspect.getConfig().getCmd()))
              + " entrypoint "
              + String.join(" ", nonNull(inspect.getConfig().getEntrypoint()))
              + " args "
              + String.join(" ", nonNull(inspect.getArgs()))
              + " path "
              + inspect.getPath()
              + " image "
              + inspect.getConfig().getImage());
    }
    assertThat(events).isNotEmpty();
    outputs.put("docker events", String.join("\n", events));
  }

  private static String[] nonNull(String[] words) {
    return words == null ? new String[0] : words;
  }

  /** Each output (by where it came from) holding a plain text, with the plain text's name. */
  private static List<String> leaks(Map<String, String> outputs) {
    List<String> found = new ArrayList<>();
    outputs.forEach(
        (where, text) -> {
          for (String plain : PLAIN_TEXTS) {
            if (text.contains(plain)) {
              found.add(where + " holds the plain text " + plain);
            }
          }
        });
    return found;
  }

  /** Runs a read command (words split on spaces, quotes kept together); keeps its output. */
  private void read(String command) throws Exception {
    List<String> words = new ArrayList<>();
    java.util.regex.Matcher word =
        java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(command.trim());
    while (word.find()) {
      words.add(word.group(1) != null ? word.group(1) : word.group(2));
    }
    outputs.put("paasta " + command.trim(), cli(words.toArray(String[]::new)));
    exits.put("paasta " + command.trim(), lastExit);
  }

  /** {@code paasta ARGS} from the CLI's jar; its output (stdout and stderr). */
  private String cli(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("-jar", CLI_JAR.toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  private String run(List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(args);
    Path out = Files.createTempFile(cliOut, "run", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().put("PAASTA_SOA_DIR", soa.toString());
    builder.environment().put("PAASTA_SYSTEM_CONFIG_DIR", systemDir.toString());
    builder.environment().put("PAASTA_API_TOKEN_FILE", systemDir.resolve("api_token").toString());
    Process process = builder.start();
    started.add(process);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", args)).isTrue();
    lastExit = process.exitValue();
    return Files.readString(out);
  }

  /** {@code paasta server} from its jar; returns once its API answers. */
  private void startDaemon() throws IOException {
    // the full pass an hour away: what is acted on at once was seen by the watcher
    List<String> command =
        BuiltJars.command(SERVER_JAR, DaemonArgs.server(soa, systemDir, stateDir, 3600));
    command.addAll(List.of("--api-token-file", systemDir.resolve("api_token").toString()));
    Process daemon =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(daemonLog.toFile()))
            .start();
    started.add(daemon);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> daemon.isAlive() && get("/v1/version").statusCode() == 200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until main's only running task has {@code API_TOKEN=token}; its app id. */
  private String untilMainSees(String token) throws InterruptedException {
    return containers.untilOneRunningWith("main", WAIT, "API_TOKEN=" + token, "DB_PASS=" + DB_PASS);
  }

  /**
   * {@code paasta rerun --wait} of the job; the exit code of its newest run (API_TOKEN's length).
   */
  private int rerunExitCode() throws Exception {
    int before = runs().size();
    String rerun = cli("rerun", "-s", service, "-i", "nightly", "-c", cluster, "--wait");
    outputs.put("paasta rerun --wait (run " + (before + 1) + ")", rerun);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> runs().size() > before && runs().get(0).path("exit_code").isInt());
    return runs().get(0).get("exit_code").asInt();
  }

  /** The job's runs, newest first. */
  private List<JsonNode> runs() throws Exception {
    List<JsonNode> runs = new ArrayList<>();
    JSON.readTree(get("/v1/services/" + service + "/nightly/runs?limit=50").body())
        .get("runs")
        .forEach(runs::add);
    return runs;
  }

  /** The newest modification time of the files of a folder (not its secrets). */
  private static Instant lastChange(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(
              f -> {
                try {
                  return Files.getLastModifiedTime(f).toInstant();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .max(Instant::compareTo)
          .orElse(Instant.EPOCH);
    }
  }
}
