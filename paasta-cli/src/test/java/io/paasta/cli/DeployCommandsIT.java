package io.paasta.cli;

import static io.paasta.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.cli.testing.StatusAnswers;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.testing.GitFixture;
import io.paasta.deploy.testing.RealEngine;
import io.paasta.deploy.testing.RegistryImages;
import io.paasta.testing.ConfigTree;
import io.paasta.testing.ExampleRepository;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy commands end to end: a real git repository, the real Docker engine and registry;
 * cook-image, push-to-registry, mark-for-deployment, generate-deployments, start/stop/restart,
 * rollback, get-latest-deployment and pipeline run.
 */
class DeployCommandsIT {
  @RegisterExtension static final RealEngine ENGINE = RealEngine.withRegistry();

  private final DockerClient docker = ENGINE.docker();
  private final String registry = ENGINE.registry();

  @TempDir Path tmp;
  private final RegistryImages images = new RegistryImages();
  private final String service = TestInfrastructure.randomService("it-deploy");
  private GitFixture repo;
  private Path soa;
  private String sha;

  @BeforeEach
  void aServiceWithARepository() throws Exception {
    repo = new GitFixture(tmp.resolve("git"));
    sha = repo.commitFilesOf(ExampleRepository.exampleServices().resolve("hello-web"));
    ConfigTree soaConfigs = ConfigTree.soaConfigs(tmp);
    soa = soaConfigs.root();
    soaConfigs.write(
        service + "/service.yaml",
        "git_url: " + repo.url() + "\ndocker_registry: " + registry + "\n");
    soaConfigs.write(
        service + "/marathon-local.yaml",
        "main:\n  deploy_group: local.everything\n  cmd: httpd -f -p $PORT0 -h /www\n"
            + "canary:\n  deploy_group: local.everything\n");
    soaConfigs.write(
        service + "/deploy.yaml",
        "pipeline:\n- step: itest\n- step: push-to-registry\n- step: local.everything\n"
            + "  trigger_next_step_manually: true\n- step: prod.everything\n");
    images.track(new DockerImageName(registry, service, sha));
  }

  @AfterEach
  void cleanUp() {
    repo.close();
    images.removeAll(docker);
  }

  private CliRun paasta(String... args) {
    String[] withSoa = new String[args.length + 2];
    System.arraycopy(args, 0, withSoa, 0, args.length);
    withSoa[args.length] = "-y";
    withSoa[args.length + 1] = soa.toString();
    return run(withSoa);
  }

  private JsonNode deploymentsJson() throws IOException {
    return new ObjectMapper().readTree(soa.resolve(service).resolve("deployments.json").toFile());
  }

  @Test
  void buildPushMarkAndGenerate() throws Exception {
    CliRun cooked =
        paasta("cook-image", "-s", service, "-c", sha, "--repo-dir", repo.workTree().toString());
    assertThat(cooked.exit()).as(cooked.all()).isEqualTo(0);
    CliRun pushed = paasta("push-to-registry", "-s", service, "-c", sha);
    assertThat(pushed.exit()).as(pushed.all()).isEqualTo(0);

    CliRun marked =
        paasta("mark-for-deployment", "-s", service, "-l", "local.everything", "-c", sha);
    assertThat(marked.exit()).as(marked.all()).isEqualTo(0);
    assertThat(marked.out()).contains("marked " + sha + " for deployment to local.everything");
    assertThat(repo.tags())
        .singleElement()
        .asString()
        .startsWith("paasta-local.everything-")
        .endsWith("-deploy");

    CliRun generated = paasta("generate-deployments", "-s", service);
    assertThat(generated.exit()).as(generated.all()).isEqualTo(0);
    assertThat(generated.out())
        .contains("wrote " + service + "/deployments.json (1 deploy groups, 2 instances deployed)");
    JsonNode json = deploymentsJson();
    assertThat(json.at("/v2/deployments/local.everything/git_sha").asText()).isEqualTo(sha);
    assertThat(json.at("/v2/deployments/local.everything/docker_image").asText())
        .isEqualTo("services-" + service + ":paasta-" + sha);
    assertThat(json.at("/v1/" + service + ":paasta-local.main/desired_state").asText())
        .isEqualTo("start");
    assertThat(json.at("/v2/controls/" + service + ":local.canary/force_bounce").isNull()).isTrue();

    assertThat(paasta("generate-deployments", "-s", service).out()).contains("unchanged:");
    CliRun latest = paasta("get-latest-deployment", "-s", service, "-l", "local.everything");
    assertThat(latest.out().trim()).isEqualTo(sha);
  }

  @Test
  void markRefusesAnImageTheRegistryLacksAndTagsNothing() throws Exception {
    CliRun marked =
        paasta("mark-for-deployment", "-s", service, "-l", "local.everything", "-c", sha);
    assertThat(marked.exit()).isEqualTo(1);
    assertThat(marked.err())
        .contains(
            "the registry has no image " + registry + "/services-" + service + ":paasta-" + sha);
    assertThat(repo.tags()).isEmpty();
  }

  @Test
  void markRefusesBadInputAndTagsNothing() throws Exception {
    String missing = "0".repeat(40);
    assertThat(
            paasta(
                    "mark-for-deployment",
                    "-s",
                    service,
                    "-l",
                    "local.everything",
                    "-c",
                    missing,
                    "--skip-image-check")
                .err())
        .contains("commit " + missing + " is not in " + repo.url());
    assertThat(paasta("mark-for-deployment", "-s", service, "-l", "nope", "-c", sha).err())
        .contains(
            "deploy group 'nope' is not a step of "
                + service
                + "/deploy.yaml - expected one of: local.everything, prod.everything");
    assertThat(paasta("mark-for-deployment", "-s", "no-such-service", "-l", "x", "-c", sha).err())
        .contains("unknown service 'no-such-service'");
    assertThat(
            paasta("mark-for-deployment", "-s", service, "-l", "local.everything", "-c", "abc")
                .err())
        .contains("not a full git sha");
    assertThat(repo.tags()).isEmpty();
  }

  @Test
  void stopStartAndRestartChangeDesiredStateAndForceBounce() throws Exception {
    paasta(
        "mark-for-deployment",
        "-s",
        service,
        "-l",
        "local.everything",
        "-c",
        sha,
        "--skip-image-check");

    CliRun stopped = paasta("stop", "-s", service, "-c", "local", "-i", "main");
    assertThat(stopped.exit()).as(stopped.all()).isEqualTo(0);
    paasta("generate-deployments", "-s", service);
    assertThat(
            deploymentsJson().at("/v2/controls/" + service + ":local.main/desired_state").asText())
        .isEqualTo("stop");
    assertThat(
            deploymentsJson()
                .at("/v2/controls/" + service + ":local.canary/desired_state")
                .asText())
        .isEqualTo("start");

    Thread.sleep(1100); // a new second: tags carry second-resolution timestamps
    paasta("start", "-s", service, "-c", "local", "-i", "main");
    paasta("generate-deployments", "-s", service);
    JsonNode started = deploymentsJson().at("/v2/controls/" + service + ":local.main");
    assertThat(started.get("desired_state").asText()).isEqualTo("start");
    String firstBounce = started.get("force_bounce").asText();

    Thread.sleep(1100);
    paasta("restart", "-s", service, "-c", "local", "-i", "main,canary");
    paasta("generate-deployments", "-s", service);
    JsonNode restarted = deploymentsJson().at("/v2/controls/" + service + ":local.main");
    assertThat(restarted.get("desired_state").asText()).isEqualTo("start");
    assertThat(restarted.get("force_bounce").asText()).isGreaterThan(firstBounce);

    CliRun unknown = paasta("stop", "-s", service, "-c", "local", "-i", "nope");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err())
        .contains(
            "no instance nope of "
                + service
                + " in cluster local - known: local/main, local/canary");
  }

  @Test
  void stopAndStartActOnAScheduledJobAndSayWhatThatMeansForIt() throws Exception {
    ConfigTree.at(soa)
        .write(
            service + "/chronos-local.yaml",
            "nightly:\n  schedule: R/2026-01-01T00:00:00Z/PT24H\n  cmd: echo hi\n"
                + "  deploy_group: local.everything\n"
                + "old:\n  schedule: R/2026-01-01T00:00:00Z/PT24H\n  cmd: echo old\n"
                + "  disabled: true\n  deploy_group: local.everything\n");
    paasta(
        "mark-for-deployment",
        "-s",
        service,
        "-l",
        "local.everything",
        "-c",
        sha,
        "--skip-image-check");

    CliRun stopped = paasta("stop", "-s", service, "-c", "local", "-i", "nightly");
    paasta("generate-deployments", "-s", service);
    String stopState =
        deploymentsJson().at("/v2/controls/" + service + ":local.nightly/desired_state").asText();
    Thread.sleep(1100); // a new second: tags carry second-resolution timestamps
    CliRun started = paasta("start", "-s", service, "-c", "local", "-i", "nightly,old");
    paasta("generate-deployments", "-s", service);

    assertThat(stopped.exit()).as(stopped.all()).isZero();
    assertThat(stopped.outLines())
        .containsExactly(
            stopped.outLines().get(0),
            "  the job will not run and its running run is killed (paasta start resumes it)");
    assertThat(stopped.outLines().get(0)).startsWith("stopped " + service + ".nightly in local");
    assertThat(stopState).isEqualTo("stop");
    assertThat(
            deploymentsJson()
                .at("/v2/controls/" + service + ":local.nightly/desired_state")
                .asText())
        .isEqualTo("start");
    assertThat(started.out())
        .contains("  the job runs on its schedule again\n")
        .contains(
            "  the job runs on its schedule again - but disabled: true in chronos-local.yaml"
                + " keeps it from running (a start cannot enable it)");
  }

  @Test
  void rollbackListsAndRedeploysAnEarlierSha() throws Exception {
    String second = repo.commit();
    paasta(
        "mark-for-deployment",
        "-s",
        service,
        "-l",
        "local.everything",
        "-c",
        sha,
        "--skip-image-check");
    Thread.sleep(1100);
    paasta(
        "mark-for-deployment",
        "-s",
        service,
        "-l",
        "local.everything",
        "-c",
        second,
        "--skip-image-check");

    CliRun listed = paasta("rollback", "-s", service, "-l", "local.everything");
    assertThat(listed.outLines())
        .anySatisfy(l -> assertThat(l).contains(second).contains("(current)"));
    assertThat(listed.outLines())
        .anySatisfy(l -> assertThat(l).contains(sha).doesNotContain("current"));

    CliRun neverDeployed =
        paasta("rollback", "-s", service, "-l", "local.everything", "-k", "1".repeat(40));
    assertThat(neverDeployed.exit()).isEqualTo(1);
    assertThat(neverDeployed.err()).contains("was never deployed to local.everything");

    Thread.sleep(1100);
    CliRun rolledBack =
        paasta(
            "rollback", "-s", service, "-l", "local.everything", "-k", sha, "--skip-image-check");
    assertThat(rolledBack.exit()).as(rolledBack.all()).isEqualTo(0);
    assertThat(
            paasta("get-latest-deployment", "-s", service, "-l", "local.everything").out().trim())
        .isEqualTo(sha);
  }

  @Test
  void pipelineRunWaitsForEachDeployStopsAtTheManualStepAndContinues() throws Exception {
    String repoDir = repo.workTree().toString();
    try (FakePaastaApi api = new FakePaastaApi("local")) {
      api.json(
          "/v1/services/" + service + "/main/status",
          StatusAnswers.deploying("main", sha, 2, 1, 3),
          StatusAnswers.deploying("main", sha, 1, 3, 3));
      api.json(
          "/v1/services/" + service + "/canary/status",
          StatusAnswers.deploying("canary", sha, 1, 1, 1));
      String etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("local", api.url())).toString();

      CliRun first =
          paasta(
              "pipeline",
              "run",
              "-s",
              service,
              "-c",
              sha,
              "--repo-dir",
              repoDir,
              "--system-config-dir",
              etc,
              "--poll-interval",
              "0.02");
      assertThat(first.exit()).as(first.all()).isEqualTo(0);
      assertThat(first.outLines())
          .containsSubsequence(
              "[3/3] local.everything ...",
              "Waiting for deploy group local.everything to run "
                  + sha.substring(0, 8)
                  + " (2 instances, timeout 3600s)",
              "local.main: 1/3 new tasks happy (the old version is still up)",
              "local.canary: 1/1 new tasks happy",
              "local.main: 3/3 new tasks happy");
      assertThat(first.out()).contains("--from prod.everything", "--system-config-dir " + etc);
      assertThat(repo.tags()).singleElement().asString().startsWith("paasta-local.everything-");

      CliRun rest =
          paasta(
              "pipeline",
              "run",
              "-s",
              service,
              "-c",
              sha,
              "--repo-dir",
              repoDir,
              "--from",
              "prod.everything",
              "--system-config-dir",
              etc);
      assertThat(rest.exit()).as(rest.all()).isEqualTo(0);
      assertThat(rest.out())
          .contains(
              "deploy group prod.everything has no long-running instances: nothing to wait for");
      assertThat(repo.tags())
          .hasSize(2)
          .anySatisfy(t -> assertThat(t).startsWith("paasta-prod.everything-"));
    }
  }

  @Test
  void aPipelineWhoseDeployDoesNotFinishInTimeFailsAtThatStep() throws Exception {
    String repoDir = repo.workTree().toString();
    try (FakePaastaApi api = new FakePaastaApi("local")) {
      api.json(
          "/v1/services/" + service + "/main/status",
          StatusAnswers.deploying("main", sha, 2, 1, 3));
      api.json(
          "/v1/services/" + service + "/canary/status",
          StatusAnswers.deploying("canary", sha, 1, 1, 1));
      String etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("local", api.url())).toString();
      String[] run = {
        "pipeline",
        "run",
        "-s",
        service,
        "-c",
        sha,
        "--repo-dir",
        repoDir,
        "--system-config-dir",
        etc,
        "--poll-interval",
        "0.02",
        "--timeout",
        "1"
      };

      CliRun failed = paasta(run);
      CliRun unwaited = paasta(append(run, "--no-wait-for-deployment"));

      assertThat(failed.exit()).isEqualTo(1);
      assertThat(failed.err())
          .contains(
              "step local.everything failed (timed out after 1s waiting for deploy group"
                  + " local.everything to run "
                  + sha.substring(0, 8)
                  + ": local.main (1/3 new tasks happy (the old version is still up)))")
          .contains(
              "go on with: paasta pipeline run -s "
                  + service
                  + " -c "
                  + sha
                  + " --from"
                  + " local.everything");
      assertThat(unwaited.exit()).as(unwaited.all()).isEqualTo(0);
      assertThat(unwaited.out()).doesNotContain("Waiting for deploy group");
    }
  }

  private static String[] append(String[] words, String word) {
    String[] more = java.util.Arrays.copyOf(words, words.length + 1);
    more[words.length] = word;
    return more;
  }

  @Test
  void aRepositoryThatDoesNotAnswerIsAClearErrorWithinTheTimeout() throws Exception {
    try (java.net.ServerSocket silent =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      String url = "git://127.0.0.1:" + silent.getLocalPort() + "/x.git";
      long started = System.nanoTime();
      CliRun r =
          paasta(
              "get-latest-deployment",
              "-s",
              service,
              "-l",
              "local.everything",
              "-u",
              url,
              "--git-timeout",
              "1");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).contains("cannot reach the git repository " + url);
      assertThat(System.nanoTime() - started).isLessThan(20_000_000_000L);
    }
  }
}
