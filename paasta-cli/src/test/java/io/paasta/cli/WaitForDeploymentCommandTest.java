package io.paasta.cli;

import static io.paasta.cli.testing.StatusAnswers.OLD_SHA;
import static io.paasta.cli.testing.StatusAnswers.SHA;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.cli.testing.StatusAnswers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paasta wait-for-deployment} against a fake cluster API whose answers change over time. */
class WaitForDeploymentCommandTest {
  private static final String MAIN_STATUS = "/v1/services/hello-web/main/status";
  private static final String CANARY_STATUS = "/v1/services/hello-web/canary/status";

  @TempDir Path tmp;

  private FakePaastaApi local;
  private Path soa;
  private Path etc;

  @BeforeEach
  void aClusterWithAnApi() throws IOException {
    local = new FakePaastaApi("local");
    soa = ApiTrees.soaConfigs(tmp.resolve("soa"), null);
    etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("local", local.url()));
  }

  @AfterEach
  void stop() {
    local.close();
  }

  @Test
  void printsProgressOnChangeAndExitsZeroOnceEveryInstanceRunsTheCommit() {
    local.json(
        MAIN_STATUS,
        StatusAnswers.running("main", OLD_SHA),
        StatusAnswers.deploying("main", SHA, 2, 1, 3),
        StatusAnswers.deploying("main", SHA, 2, 1, 3),
        StatusAnswers.deploying("main", SHA, 1, 3, 3));
    local.json(CANARY_STATUS, StatusAnswers.stopped("canary", SHA));

    CliRun r = waitFor("local.everything", SHA, "--timeout", "60");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .hasSize(6)
        .startsWith(
            "Waiting for deploy group local.everything to run 1a2b3c4d (2 instances, timeout 60s)",
            "local.main: waiting for the cluster to pick up 1a2b3c4d (it still wants 9f8e7d6c)",
            "local.canary: stopped: nothing to wait for",
            "local.main: 1/3 new tasks happy (the old version is still up)",
            "local.main: 3/3 new tasks happy");
    assertThat(r.outLines().get(5))
        .startsWith("\u2713 deploy group local.everything runs 1a2b3c4d (");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void exitsOneAtTheTimeoutNamingTheInstancesThatLag() {
    local.json(MAIN_STATUS, StatusAnswers.deploying("main", SHA, 2, 1, 3));
    local.json(CANARY_STATUS, StatusAnswers.running("canary", SHA));

    CliRun r = waitFor("local.everything", SHA, "--timeout", "1");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines())
        .containsExactly(
            "Waiting for deploy group local.everything to run 1a2b3c4d (2 instances, timeout 1s)",
            "local.main: 1/3 new tasks happy (the old version is still up)",
            "local.canary: 3/3 new tasks happy");
    assertThat(r.err())
        .isEqualTo(
            "error: timed out after 1s waiting for deploy group local.everything to run 1a2b3c4d:"
                + " local.main (1/3 new tasks happy (the old version is still up))\n");
  }

  @Test
  void clustersWithoutAnApiAreNamedAndSkipped() throws IOException {
    Files.writeString(
        soa.resolve("hello-web/marathon-edge.yaml"), "main:\n  deploy_group: local.everything\n");
    local.json(MAIN_STATUS, StatusAnswers.running("main", SHA));
    local.json(CANARY_STATUS, StatusAnswers.running("canary", SHA));

    CliRun r = waitFor("local.everything", SHA, "--timeout", "60");
    CliRun prod = waitFor("prod.main", SHA, "--timeout", "60");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .startsWith(
            "not waiting for cluster edge: it has no entry in api_endpoints (" + etc + ")",
            "Waiting for deploy group local.everything to run 1a2b3c4d (2 instances, timeout 60s)");
    assertThat(prod.exit()).isEqualTo(1);
    assertThat(prod.err())
        .isEqualTo(
            "error: cannot wait for deploy group prod.main: none of its clusters (prod) has an API"
                + " endpoint in api_endpoints ("
                + etc
                + ")\n");
  }

  @Test
  void aDeployGroupWithoutLongRunningInstancesHasNothingToWaitFor() {
    CliRun r = waitFor("staging.later", SHA);

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "deploy group staging.later has no long-running instances: nothing to wait for");
    assertThat(local.requests()).isEmpty();
  }

  @Test
  void refusesABadShaAndADeployGroupDeployYamlLacks() {
    CliRun sha = waitFor("local.everything", "abc");
    CliRun group = waitFor("nope", SHA);

    assertThat(sha.exit()).isEqualTo(1);
    assertThat(sha.err()).contains("not a full git sha");
    assertThat(group.exit()).isEqualTo(1);
    assertThat(group.err())
        .contains(
            "deploy group 'nope' is not a step of hello-web/deploy.yaml - expected one of:"
                + " local.everything, prod.main, staging.later");
    assertThat(local.requests()).isEmpty();
  }

  private CliRun waitFor(String deployGroup, String sha, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "wait-for-deployment",
                "-s",
                "hello-web",
                "-l",
                deployGroup,
                "-c",
                sha,
                "-y",
                soa.toString(),
                "--system-config-dir",
                etc.toString(),
                "--poll-interval",
                "0.02"));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }
}
