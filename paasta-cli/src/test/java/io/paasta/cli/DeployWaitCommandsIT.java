package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.cli.testing.StatusAnswers;
import io.paasta.deploy.testing.GitFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploy waits that touch git: {@code mark-for-deployment --wait-for-deployment} and {@code
 * --auto-rollback} (of it and of {@code wait-for-deployment}) against a real local repository and a
 * fake cluster API.
 */
class DeployWaitCommandsIT {
  private static final String MAIN_STATUS = "/v1/services/hello-web/main/status";
  private static final String CANARY_STATUS = "/v1/services/hello-web/canary/status";

  @TempDir Path tmp;

  private GitFixture repo;
  private FakePaastaApi local;
  private Path soa;
  private Path etc;
  private String first;
  private String second;

  @BeforeEach
  void aRepositoryWithTwoCommitsAndAClusterApi() throws Exception {
    repo = new GitFixture(tmp.resolve("git"));
    first = repo.commit();
    second = repo.commit();
    local = new FakePaastaApi("local");
    soa = ApiTrees.soaConfigs(tmp.resolve("soa"), repo.url());
    etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("local", local.url()));
  }

  @AfterEach
  void stop() {
    local.close();
    repo.close();
  }

  @Test
  void markForDeploymentWaitsForTheDeploy() throws Exception {
    local.json(
        MAIN_STATUS,
        StatusAnswers.deploying("main", first, 2, 2, 3),
        StatusAnswers.deploying("main", first, 1, 3, 3));
    local.json(CANARY_STATUS, StatusAnswers.deploying("canary", first, 1, 1, 1));

    CliRun r = paasta("mark-for-deployment", "-c", first, "--wait-for-deployment");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .startsWith(
            "marked "
                + first
                + " for deployment to local.everything of hello-web (tag "
                + repo.tags().get(0)
                + ")",
            "Waiting for deploy group local.everything to run "
                + first.substring(0, 8)
                + " (2 instances, timeout 3600s)",
            "local.main: 2/3 new tasks happy (the old version is still up)",
            "local.canary: 1/1 new tasks happy",
            "local.main: 3/3 new tasks happy");
    assertThat(repo.tags()).hasSize(1);
  }

  @Test
  void markForDeploymentRollsBackToThePreviousShaWhenTheDeployTimesOut() throws Exception {
    assertThat(paasta("mark-for-deployment", "-c", first).exit()).isZero();
    Thread.sleep(1100); // tags carry second-resolution timestamps
    local.json(MAIN_STATUS, StatusAnswers.running("main", first));
    local.json(CANARY_STATUS, StatusAnswers.running("canary", first));

    CliRun r =
        paasta(
            "mark-for-deployment",
            "-c",
            second,
            "--wait-for-deployment",
            "--timeout",
            "1",
            "--auto-rollback");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("marked " + second + " for deployment to local.everything")
        .contains("marked " + first + " for deployment to local.everything")
        .contains("rolled back deploy group local.everything to " + first + " (auto-rollback)");
    assertThat(r.err())
        .isEqualTo(
            "error: timed out after 1s waiting for deploy group local.everything to run "
                + second.substring(0, 8)
                + ": local.main (waiting for the cluster to pick up "
                + second.substring(0, 8)
                + " (it still wants "
                + first.substring(0, 8)
                + ")), local.canary (waiting for the cluster to pick up "
                + second.substring(0, 8)
                + " (it still wants "
                + first.substring(0, 8)
                + "))\n");
    assertThat(latest()).isEqualTo(first);
    assertThat(repo.tags()).hasSize(3);
  }

  @Test
  void waitForDeploymentRollsBackOnlyWhenAsked() throws Exception {
    paasta("mark-for-deployment", "-c", first);
    Thread.sleep(1100);
    paasta("mark-for-deployment", "-c", second);
    local.json(MAIN_STATUS, StatusAnswers.deploying("main", second, 2, 1, 3));
    local.json(CANARY_STATUS, StatusAnswers.running("canary", second));

    CliRun plain = waitFor(second, "--timeout", "1");
    assertThat(plain.exit()).isEqualTo(1);
    assertThat(latest()).isEqualTo(second);

    CliRun rolled = waitFor(second, "--timeout", "1", "--auto-rollback");
    assertThat(rolled.exit()).isEqualTo(1);
    assertThat(rolled.out())
        .contains("rolled back deploy group local.everything to " + first + " (auto-rollback)");
    assertThat(rolled.err()).contains("local.main (1/3 new tasks happy");
    assertThat(latest()).isEqualTo(first);
  }

  @Test
  void noRollbackWithoutAnEarlierShaOrAfterANewerDeploy() throws Exception {
    paasta("mark-for-deployment", "-c", first);
    local.json(MAIN_STATUS, StatusAnswers.neverDeployed("main"));
    local.json(CANARY_STATUS, StatusAnswers.neverDeployed("canary"));

    CliRun alone = waitFor(first, "--timeout", "1", "--auto-rollback");
    CliRun superseded = waitFor(second, "--timeout", "1", "--auto-rollback");

    assertThat(alone.exit()).isEqualTo(1);
    assertThat(alone.out())
        .contains(
            "cannot roll back: deploy group local.everything ran no other sha before " + first);
    assertThat(superseded.exit()).isEqualTo(1);
    assertThat(superseded.out())
        .contains(
            "not rolling back: deploy group local.everything no longer runs "
                + second
                + " (it runs "
                + first
                + ")");
    assertThat(repo.tags()).hasSize(1);
  }

  @Test
  void autoRollbackNeedsTheWait() throws Exception {
    CliRun r = paasta("mark-for-deployment", "-c", first, "--auto-rollback");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("--auto-rollback needs --wait-for-deployment");
    assertThat(repo.tags()).isEmpty();
  }

  private String latest() {
    return paasta("get-latest-deployment").out().trim();
  }

  private CliRun waitFor(String sha, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "wait-for-deployment",
                "-c",
                sha,
                "--system-config-dir",
                etc.toString(),
                "--poll-interval",
                "0.02"));
    args.addAll(List.of(more));
    return paasta(args.toArray(String[]::new));
  }

  /** A command on hello-web's deploy group local.everything (without the image check). */
  private CliRun paasta(String... args) {
    List<String> words = new ArrayList<>(List.of(args));
    words.addAll(List.of("-s", "hello-web", "-l", "local.everything", "-y", soa.toString()));
    if (args[0].equals("mark-for-deployment")) {
      words.addAll(
          List.of(
              "--skip-image-check",
              "--system-config-dir",
              etc.toString(),
              "--poll-interval",
              "0.02"));
    }
    return CliRun.run(words.toArray(String[]::new));
  }
}
