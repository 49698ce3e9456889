package io.paasta.cli;

import static io.paasta.cli.CliRun.EXAMPLES;
import static io.paasta.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paasta local-run}'s errors that come before any engine is asked. */
class LocalRunCommandTest {
  @TempDir Path tmp;

  private CliRun localRun(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "local-run";
    all[1] = "-y";
    all[2] = EXAMPLES.toString();
    all[3] = "--system-config-dir";
    all[4] = tmp.resolve("etc-paasta").toString();
    System.arraycopy(args, 0, all, 5, args.length);
    return run(all);
  }

  @Test
  void anUnknownServiceNamesTheSoaConfigsFolder() {
    CliRun r = localRun("-s", "nope", "-c", "local");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("error: unknown service 'nope': there is no folder ")
        .contains("in the soa-configs");
  }

  @Test
  void withoutASystemConfigTheClusterMustBeGiven() {
    CliRun r = localRun("-s", "hello-web");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("note: no system config in " + tmp.resolve("etc-paasta"))
        .endsWith(
            "error: no cluster given and the system config has no"
                + " local_run_config.default_cluster - pass -c CLUSTER (the service's clusters:"
                + " local, prod-east)\n");
  }

  @Test
  void anUnknownInstanceNamesItsFile() {
    CliRun r = localRun("-s", "hello-web", "-c", "local", "-i", "nope", "--dry-run");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .endsWith(
            "error: no instance 'nope' in hello-web/marathon-local.yaml - its instances: main"
                + " (pass one with -i)\n");
  }

  @Test
  void conflictingFlagsAreNamed() {
    CliRun r = localRun("-s", "hello-web", "-c", "local", "-t", "-k");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: these options cannot go together: -t/--healthcheck-only and"
                + " -k/--no-healthcheck\n");
  }

  @Test
  void aBrokenSystemConfigIsAnError() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("etc-paasta"));
    Files.writeString(dir.resolve("a.json"), "{\"cluster\": \"local\"}");

    CliRun r = localRun("-s", "hello-web", "--dry-run");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: the system config in " + dir + " is not usable: ")
        .contains("docker_registry")
        .endsWith(" - fix it (paasta system-config -d " + dir + " shows it)\n");
  }

  @Test
  void dryRunOfTheDeployedImageNeedsDeploymentsJson() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("etc-paasta"));
    Files.writeString(
        dir.resolve("a.json"),
        "{\"cluster\": \"local\", \"docker_registry\": \"127.0.0.1:5000\","
            + " \"local_run_config\": {\"default_cluster\": \"local\"}}");

    CliRun r = localRun("-s", "hello-web", "--pull", "--dry-run");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "error: --pull runs the deployed image, but there is no hello-web/deployments.json");
  }

  @Test
  void buildingOutsideAGitCheckoutSaysWhy() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("etc-paasta"));
    Files.writeString(
        dir.resolve("a.json"), "{\"cluster\": \"local\", \"docker_registry\": \"127.0.0.1:5000\"}");
    Path notGit = Files.createDirectories(tmp.resolve("not-git"));

    CliRun r =
        localRun("-s", "hello-web", "-c", "local", "--repo-dir", notGit.toString(), "--dry-run");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: --build tags the image with the checkout's HEAD, as cook-image does, but "
                + notGit
                + " is not in a git repository - run local-run in the service's git checkout (or"
                + " pass --repo-dir), or use --pull\n");
  }
}
