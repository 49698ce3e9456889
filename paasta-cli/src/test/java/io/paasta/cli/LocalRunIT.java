package io.paasta.cli;

import static io.paasta.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.paasta.backend.docker.engine.ContainerListClient;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.testing.RealEngine;
import io.paasta.deploy.testing.RegistryImages;
import io.paasta.planning.app.Labels;
import io.paasta.testing.ConfigTree;
import io.paasta.testing.ExampleRepository;
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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paasta local-run} against the real Docker engine and registry: a checkout of the example
 * hello-web (busybox httpd, FROM scratch), built by local-run as cook-image builds it; and one run
 * of a scheduled job of the same image, its cmd filled for an execution date.
 */
class LocalRunIT {
  private static final String LOCAL_RUN = "paasta_local_run";
  @RegisterExtension static final RealEngine ENGINE = RealEngine.withRegistry();

  private final DockerClient docker = ENGINE.docker();
  private final String registry = ENGINE.registry();

  @TempDir Path tmp;
  private final RegistryImages images = new RegistryImages();
  private final String service = TestInfrastructure.randomService("it-lr");
  private final String cluster = "it-lr-" + TestInfrastructure.randomSha().substring(0, 6);
  private Path soa;
  private Path system;
  private Path repo;
  private String head;

  @BeforeEach
  void aServiceItsCheckoutAndASystemConfig() throws Exception {
    ConfigTree soaConfigs = ConfigTree.soaConfigs(tmp);
    soa = soaConfigs.root();
    soaConfigs.write(
        service + "/service.yaml",
        "git_url: file:///srv/git/" + service + ".git\ndocker_registry: \"" + registry + "\"\n");
    soaConfigs.write(
        service + "/marathon-" + cluster + ".yaml",
        String.join(
            "\n",
            "_base: &base",
            "  cpus: 0.1",
            "  mem: 64",
            "  cmd: \"httpd -f -p 127.0.0.1:$PORT0 -h /www\"",
            "  deploy_group: " + cluster + ".everything",
            "  healthcheck_mode: http",
            "  healthcheck_uri: /status",
            "  healthcheck_grace_period_seconds: 3",
            "  healthcheck_interval_seconds: 0.5",
            "  healthcheck_timeout_seconds: 1",
            "  healthcheck_max_consecutive_failures: 2",
            "main:",
            "  <<: *base",
            "  env:",
            "    GREETING: \"hello from local-run\"",
            "broken:",
            "  <<: *base",
            "  healthcheck_uri: /no-such-page",
            "  healthcheck_grace_period_seconds: 1",
            "exits:",
            "  <<: *base",
            "  cmd: \"echo starting up; exit 7\"",
            ""));
    soaConfigs.write(
        service + "/chronos-" + cluster + ".yaml",
        String.join(
            "\n",
            "report:",
            "  schedule: R/2026-01-01T00:00:00Z/P1D",
            "  schedule_time_zone: Europe/Amsterdam",
            "  cpus: 0.1",
            "  mem: 64",
            "  env:",
            "    KIND: nightly",
            "  cmd: \"echo $KIND report for %(shortdate-1)s hour %(hour)s as $PAASTA_INSTANCE,"
                + " 100%%; exit 4\"",
            "  deploy_group: " + cluster + ".everything",
            "plain:",
            "  schedule: '* * * * *'",
            "  cmd: \"echo plain run\"",
            "  deploy_group: " + cluster + ".everything",
            ""));
    ConfigTree systemConfig = ConfigTree.systemConfig(tmp);
    system = systemConfig.root();
    systemConfig.write(
        "10-cluster.json",
        "{\"cluster\": \""
            + cluster
            + "\", \"docker_registry\": \""
            + registry
            + "\", \"local_run_config\": {\"default_cluster\": \""
            + cluster
            + "\"}}\n");
    ExampleRepository checkout = ExampleRepository.committed("hello-web", tmp);
    repo = checkout.dir();
    head = checkout.head();
    images.track(new DockerImageName(registry, service, head));
  }

  @AfterEach
  void removeContainersAndImages() {
    for (Container left : localRunContainers()) {
      docker.removeContainerCmd(left.getId()).withForce(true).exec();
    }
    images.removeAll(docker);
  }

  private CliRun localRun(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "local-run",
                "-s",
                service,
                "-y",
                soa.toString(),
                "--system-config-dir",
                system.toString(),
                "--repo-dir",
                repo.toString()));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  private List<Container> localRunContainers() {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(LOCAL_RUN, "true", Labels.SERVICE, service))
        .exec();
  }

  private String image() {
    return registry + "/services-" + service + ":paasta-" + head;
  }

  @Test
  void healthcheckOnlyExitsZeroWhenTheHealthCheckPassesAndRemovesTheContainer() {
    // no -c, no -i: local_run_config.default_cluster and instance main
    CliRun r = localRun("-t");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .contains("==> make cook-image in " + repo + " with DOCKER_TAG=" + image())
        .anyMatch(
            l ->
                l.matches(
                    "==> starting local-run-"
                        + service
                        + "\\.main\\.git"
                        + head.substring(0, 8)
                        + "\\.config[0-9a-f]{8}-[0-9a-f]{8} \\("
                        + Pattern.quote(image())
                        + "\\) on port 3[12]\\d{3}, host networking"))
        .anyMatch(
            l ->
                l.matches(
                    "==> health check: GET http://127\\.0\\.0\\.1:3[12]\\d{3}/status"
                        + " every 0\\.5 s \\(timeout 1 s, grace period 3 s, 2 failures in a row fail it\\)"))
        .anyMatch(
            l ->
                l.matches(
                    "\u2713 health check passed after \\d+\\.\\d s: GET .*/status"
                        + " \\(\\d+ checks?\\)"))
        .last()
        .asString()
        .startsWith("==> stopping and removing local-run-" + service + ".main.");
    assertThat(localRunContainers()).isEmpty();
  }

  @Test
  void healthcheckOnlyExitsOneWhenTheCheckFailsItsMaximumInARow() {
    CliRun r = localRun("-c", cluster, "-i", "broken", "-t");

    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.outLines())
        .anyMatch(
            l ->
                l.matches(
                    "\u2717 health check failed after \\d+\\.\\d s: GET"
                        + " http://127\\.0\\.0\\.1:\\d+/no-such-page failed 2 times in a row after the grace"
                        + " period of 1 s - the cluster would kill and replace this task"))
        .last()
        .asString()
        .startsWith("==> stopping and removing local-run-" + service + ".broken.");
    assertThat(localRunContainers()).isEmpty();
  }

  @Test
  void aContainerThatExitsFailsItsHealthCheckAndItsOutputIsShown() {
    CliRun r = localRun("-i", "exits", "-t");

    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(r.outLines())
        .anyMatch(
            l ->
                l.matches(
                    "\u2717 the container stopped after .* before its health check" + " passed .*"))
        .contains("  | starting up");
    assertThat(localRunContainers()).isEmpty();
  }

  @Test
  void cmdOverridesTheCommandAndTheForegroundRunEndsWithTheContainersExitCode() {
    CliRun r = localRun("-k", "-C", "echo \"$GREETING on $PORT0 as $PAASTA_INSTANCE\"; exit 3");

    assertThat(r.exit()).as(r.all()).isEqualTo(3);
    assertThat(r.outLines())
        .anyMatch(l -> l.matches("hello from local-run on 3[12]\\d{3} as main"))
        .noneMatch(l -> l.contains("health check"))
        .anyMatch(l -> l.matches("==> local-run-" + service + "\\.main\\..* exited with code 3"))
        .last()
        .asString()
        .startsWith("==> removed local-run-" + service + ".main.");
    assertThat(localRunContainers()).isEmpty();
  }

  @Test
  void aJobRunsOnceForItsExecutionDateAndLocalRunExitsWithItsCode() {
    CliRun r = localRun("-i", "report", "--date", "2026-03-01T07:00:00");

    assertThat(r.exit()).as(r.all()).isEqualTo(4);
    assertThat(r.outLines())
        .contains(
            "==> "
                + service
                + ".report for execution date 2026-03-01T07:00 Europe/Amsterdam:"
                + " echo $KIND report for 2026-02-28 hour 07 as $PAASTA_INSTANCE, 100%; exit 4",
            "nightly report for 2026-02-28 hour 07 as report, 100%")
        .noneMatch(l -> l.contains("health check"))
        .anyMatch(l -> l.matches("==> local-run-" + service + "\\.report\\..* exited with code 4"));
    assertThat(localRunContainers()).isEmpty();
  }

  @Test
  void withoutDateTheJobRunsForNowAndSaysSo() {
    CliRun r = localRun("-i", "plain");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .anyMatch(
            l ->
                l.startsWith("==> " + service + ".plain for now, ")
                    && l.endsWith(
                        " UTC (no --date: its time variables are filled for now): echo plain run"))
        .contains("plain run");
    assertThat(localRunContainers()).isEmpty();
  }

  @Test
  void aDateForAnInstanceThatIsNoJobIsRefused() {
    CliRun r = localRun("-i", "main", "--date", "2026-03-01T07:00:00", "--dry-run");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            "--date is the execution date of a scheduled job, and "
                + service
                + ".main is not one (its file: marathon-"
                + cluster
                + ".yaml)");
  }

  @Test
  void withoutInstanceTheAdhocInteractiveInstanceRuns() throws Exception {
    assertThat(
            run("cook-image", "-s", service, "-y", soa.toString(), "--repo-dir", repo.toString())
                .exit())
        .isZero();
    Files.writeString(
        soa.resolve(service).resolve("adhoc-" + cluster + ".yaml"),
        "interactive:\n  deploy_group: "
            + cluster
            + ".everything\n  cmd: echo console\n  mem: 96\n  env:\n    MODE: console\n");

    CliRun r = localRun("--dry-run");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .startsWith(
            "no -i: running the adhoc instance interactive ("
                + service
                + "/adhoc-"
                + cluster
                + ".yaml)\n")
        .contains("--name=local-run-" + service + ".interactive.")
        .contains("    --memory=96m \\\n", "    --env=MODE=console \\\n")
        .endsWith(" -c 'echo console'\n");
    assertThat(localRun("-i", "main", "--dry-run").out()).doesNotContain("no -i");
  }

  @Test
  void dryRunPrintsADockerRunCommandThatRunsTheInstanceByCopyPaste() throws Exception {
    assertThat(
            run("cook-image", "-s", service, "-y", soa.toString(), "--repo-dir", repo.toString())
                .exit())
        .isZero();

    CliRun r = localRun("--dry-run");

    assertThat(r.exit()).as(r.all()).isZero();
    String command = r.out().strip();
    assertThat(command)
        .startsWith("docker run \\\n    --rm \\\n    --name=local-run-" + service + ".main.")
        .contains(
            "    --network=host \\\n",
            "    --init \\\n",
            "    --memory=64m \\\n",
            "    --memory-swap=128m \\\n",
            "    --cpu-period=100000 \\\n",
            "    --cpu-quota=100000 \\\n",
            "    '--env=GREETING=hello from local-run' \\\n",
            "    --env=PAASTA_CLUSTER=" + cluster + " \\\n",
            "    --label=paasta_local_run=true \\\n",
            "    --entrypoint=/bin/sh \\\n")
        .doesNotContain("paasta_managed")
        .endsWith(image() + " -c 'httpd -f -p 127.0.0.1:$PORT0 -h /www'");
    assertThat(localRunContainers()).isEmpty(); // nothing ran

    // pasted into a shell, it runs the instance (with -C: a page that says whose it is); other
    // tests on this machine may take the printed port before the shell binds it: then retry
    for (int attempt = 1; ; attempt++) {
      String pasted =
          localRun(
                  "--dry-run",
                  "-C",
                  "echo \"$PAASTA_SERVICE\" > /www/who && exec httpd -f -p 127.0.0.1:$PORT0 -h /www")
              .out()
              .strip();
      Matcher port = Pattern.compile("--env=PORT0=(\\d+)").matcher(pasted);
      assertThat(port.find()).isTrue();
      String who = "http://127.0.0.1:" + port.group(1) + "/who";
      try (CliShell shell = new CliShell(pasted)) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> service.equals(body(who)) || !shell.process.isAlive());
        if (service.equals(body(who))) {
          assertThat(localRunContainers()).hasSize(1);
          return;
        }
      }
      assertThat(attempt).as("the pasted command never served " + who).isLessThan(3);
    }
  }

  @Test
  void ctrlCStopsAndRemovesTheContainerThatNoDaemonEverSees() throws Exception {
    try (CliProcess process =
        CliProcess.start(
            Map.of(),
            "local-run",
            "-s",
            service,
            "-y",
            soa.toString(),
            "--system-config-dir",
            system.toString(),
            "--repo-dir",
            repo.toString())) {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> process.output().contains("\u2713 health check passed"));
      List<Container> running = localRunContainers();
      assertThat(running).hasSize(1);
      assertThat(running.get(0).getState()).isEqualTo("running");
      assertThat(running.get(0).getLabels())
          .containsEntry(LOCAL_RUN, "true")
          .doesNotContainKey(Labels.MANAGED);
      // what the daemon lists: its managed containers of every cluster
      assertThat(new ContainerListClient(docker).listAll())
          .noneMatch(c -> service.equals(c.labels().get(Labels.SERVICE)));
      String port = running.get(0).getLabels().get(Labels.PORT0);
      assertThat(process.output()).contains("try http://127.0.0.1:" + port + "/");
      assertThat(get("http://127.0.0.1:" + port + "/status")).isEqualTo(200);

      process.terminate();

      process.awaitExit(60);
      assertThat(process.output()).contains("==> stopping and removing local-run-" + service);
      assertThat(localRunContainers()).isEmpty();
    }
  }

  @Test
  void interactiveRunsTheDockerCliWithStdinAndNoHealthCheck() throws Exception {
    try (CliProcess process =
        CliProcess.start(
            Map.of(),
            "local-run",
            "-s",
            service,
            "-y",
            soa.toString(),
            "--system-config-dir",
            system.toString(),
            "--repo-dir",
            repo.toString(),
            "-I",
            "-C",
            "echo \"interactive on $PORT0\"; read line || echo 'stdin is closed'; exit 4")) {
      assertThat(process.awaitExit(120)).as(process.output()).isEqualTo(4);
      assertThat(process.output())
          .containsPattern(
              "==> starting local-run-"
                  + service
                  + "\\.main\\.\\S+ \\(.*\\)"
                  + " interactively on port 3[12]\\d{3}, no health check")
          .containsPattern("interactive on 3[12]\\d{3}")
          .contains("stdin is closed")
          .doesNotContain("health check:");
    }
    assertThat(localRunContainers()).isEmpty();
  }

  @Test
  void pullRunsTheImageDeploymentsJsonNames() throws Exception {
    assertThat(
            run("cook-image", "-s", service, "-y", soa.toString(), "--repo-dir", repo.toString())
                .exit())
        .isZero();
    assertThat(run("push-to-registry", "-s", service, "-y", soa.toString(), "-c", head).exit())
        .isZero();
    docker.removeImageCmd(image()).withForce(true).exec();
    writeDeployments(head);

    CliRun r = localRun("--pull", "-t");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .contains(
            "==> pulling " + image() + " (deployed for " + cluster + ".everything)",
            "==> pulled " + image())
        .noneMatch(l -> l.contains("make cook-image"))
        .anyMatch(l -> l.startsWith("\u2713 health check passed"));
  }

  @Test
  void pullOfAnImageTheRegistryLacksIsAClearError() throws Exception {
    String never = TestInfrastructure.randomSha();
    writeDeployments(never);

    CliRun r = localRun("--pull", "-t");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "error: image "
                + registry
                + "/services-"
                + service
                + ":paasta-"
                + never
                + " is not in the registry "
                + registry);
    assertThat(localRunContainers()).isEmpty();
  }

  @Test
  void pullWithoutDeploymentsJsonSaysHowToGetOne() {
    CliRun r = localRun("--pull");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: --pull runs the deployed image, but there is no "
                + service
                + "/deployments.json in soa-configs - generate it (paasta generate-deployments -s "
                + service
                + "), or build the image here with --build\n");
  }

  @Test
  void buildingACheckoutWithoutADockerfileIsAClearError() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(empty.resolve("README"), "nothing to build\n");
    ExampleRepository.commitAll(empty);

    CliRun r =
        run(
            "local-run",
            "-s",
            service,
            "-y",
            soa.toString(),
            "--system-config-dir",
            system.toString(),
            "--repo-dir",
            empty.toString(),
            "-t");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: cannot build an image from "
                + empty
                + ": it has no Dockerfile and no Makefile - add a Dockerfile, or pass --repo-dir"
                + " with the service's checkout\n");
  }

  @Test
  void anEngineThatDoesNotAnswerIsAClearError() throws Exception {
    String socket = "unix://" + tmp.resolve("no-engine.sock");
    try (CliProcess process =
        CliProcess.start(
            Map.of("DOCKER_HOST", socket),
            "local-run",
            "-s",
            service,
            "-y",
            soa.toString(),
            "--system-config-dir",
            system.toString(),
            "--repo-dir",
            repo.toString(),
            "-t")) {
      assertThat(process.awaitExit(60)).isEqualTo(1);
      assertThat(process.output())
          .startsWith(
              "error: the Docker engine does not answer on " + socket + " - is dockerd running?");
    }
  }

  private void writeDeployments(String sha) throws IOException {
    String image = "services-" + service + ":paasta-" + sha;
    String group = cluster + ".everything";
    Files.writeString(
        soa.resolve(service).resolve("deployments.json"),
        "{\"v1\": {\""
            + service
            + ":paasta-"
            + cluster
            + ".main\": {\"docker_image\": \""
            + image
            + "\", \"desired_state\": \"start\", \"force_bounce\": null}},"
            + " \"v2\": {\"deployments\": {\""
            + group
            + "\": {\"docker_image\": \""
            + image
            + "\", \"git_sha\": \""
            + sha
            + "\"}}, \"controls\": {}}}\n");
  }

  /** The body of a GET, stripped; "" when it does not answer 200. */
  private static String body(String url) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                  HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body().strip() : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static int get(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * A command line run by {@code sh}, as a user pastes it; stopped (and its container) at close.
   */
  private final class CliShell implements AutoCloseable {
    private final Process process;

    CliShell(String command) throws IOException {
      this.process =
          new ProcessBuilder("sh", "-c", command)
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("shell.out").toFile())
              .start();
    }

    @Override
    public void close() {
      process.destroy();
      for (Container left : localRunContainers()) {
        docker.removeContainerCmd(left.getId()).withForce(true).exec();
      }
    }
  }
}
