package io.paasta.cli;

import static io.paasta.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 through the CLI: Tron and EKS files are listed, {@code validate -v} lists what is
 * accepted but not used, and {@code list} takes PaaSTA's flags.
 */
class PaastaTreeCommandsTest {
  @TempDir Path soa;

  @BeforeEach
  void aServiceWithTronAndEksFiles() throws IOException {
    write("jobs/service.yaml", "description: jobs", "external_link: https://wiki.example.com/jobs");
    write("jobs/monitoring.yaml", "team: jobs-team");
    write("jobs/deploy.yaml", "pipeline:", "- step: itest", "- step: dev.everything");
    write(
        "jobs/tron-dev.yaml",
        "nightly:",
        "  schedule: cron 0 4 * * *",
        "  deploy_group: dev.everything",
        "  actions:",
        "    build: {command: ./build.sh}",
        "    publish: {command: ./publish.sh, requires: [build]}");
    write(
        "jobs/eks-dev.yaml",
        "api:",
        "  deploy_group: dev.everything",
        "  iam_role: arn:aws:iam::123456789012:role/jobs");
  }

  private void write(String relative, String... lines) throws IOException {
    Path path = soa.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, String.join("\n", lines) + "\n");
  }

  @Test
  void listInstancesShowsEksInstancesAndTronJobActions() {
    CliRun r = run("list", "-i", "-y", soa.toString());

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly("jobs.api", "jobs.nightly.build", "jobs.nightly.publish");
  }

  @Test
  void listAllListsServices() {
    CliRun r = run("list", "-a", "-y", soa.toString());

    assertThat(r.outLines()).containsExactly("jobs");
  }

  @Test
  void listClustersNamesTronAndEksClusters() throws IOException {
    write("other/tron-batch.yaml", "x: 1");

    assertThat(run("list-clusters", "-y", soa.toString()).outLines()).contains("batch", "dev");
  }

  @Test
  void infoListsTronJobsAndSaysTheyDoNotRunYet() {
    CliRun r = run("info", "-s", "jobs", "-y", soa.toString());

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .contains(
            "Tron jobs: (validated and listed; running them comes in a later issue)",
            "    nightly.build",
            "    nightly.publish");
  }

  @Test
  void validateVerboseListsKeysAcceptedButNotUsed() {
    CliRun r = run("validate", "-v", "-y", soa.toString());

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .contains(
            "jobs/eks-dev.yaml:3: api.iam_role: accepted, not used by this platform",
            "jobs/tron-dev.yaml: accepted, not used by this platform (Tron jobs are validated and"
                + " listed; running them is a later issue)",
            "\u2713 jobs: valid (5 files)");
    assertThat(run("validate", "-y", soa.toString()).out()).doesNotContain("not used");
  }

  @Test
  void validateVerboseListsTheNextFiveRunsOfEachJobInItsZone() throws IOException {
    write(
        "jobs/chronos-dev.yaml",
        "daily:",
        "  schedule: R/2040-03-23T02:30:00/P1D",
        "  schedule_time_zone: Europe/Amsterdam",
        "  cmd: echo %(shortdate)s",
        "  deploy_group: dev.everything",
        "done:",
        "  schedule: R2/2020-01-01T00:00:00Z/PT1H",
        "  deploy_group: dev.everything",
        "after:",
        "  parents: [jobs.daily]",
        "  deploy_group: dev.everything");

    CliRun r = run("validate", "-v", "-y", soa.toString());

    assertThat(r.exit()).as(r.all()).isZero();
    // 25 March 2040: 02:30 does not exist in Amsterdam, the run is at the jump (03:00 CEST)
    assertThat(r.outLines())
        .contains(
            "jobs.daily (dev, Europe/Amsterdam) next runs: 2040-03-23T02:30 (2040-03-23T01:30Z),"
                + " 2040-03-24T02:30 (2040-03-24T01:30Z), 2040-03-25T03:00 (2040-03-25T01:00Z),"
                + " 2040-03-26T02:30 (2040-03-26T00:30Z), 2040-03-27T02:30 (2040-03-27T00:30Z)",
            "jobs.done (dev, UTC) has no more runs (its schedule has ended)",
            "jobs.after (dev) runs after jobs.daily");
  }
}
