package io.paasta.cli;

import static io.paasta.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The image commands' help and the mistakes they catch before talking to the Docker engine or the
 * registry (so no engine is needed here; see ImageCommandsIT for the real runs).
 */
class ImageCommandsTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path tmp;
  private String soa;

  @BeforeEach
  void soaConfigsWithAService() throws IOException {
    Path service = Files.createDirectories(tmp.resolve("soa/svc"));
    Files.writeString(
        service.resolve("service.yaml"),
        "git_url: file:///srv/git/svc.git\ndocker_registry: 127.0.0.1:5000\n");
    soa = tmp.resolve("soa").toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cook-image", "itest", "push-to-registry"})
  void everyImageCommandHasHelp(String command) {
    CliRun r = run(command, "-h");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("Usage: paasta " + command)
        .contains("-s, --service=SERVICE", "-c, --commit=SHA", "-y, --soa-dir=SOA_DIR")
        .contains("<registry>/services-<service>:paasta-<sha>");
  }

  @Test
  void theTopLevelHelpListsTheImageCommands() {
    assertThat(run("--help").out()).contains("cook-image", "itest", "push-to-registry");
  }

  @Test
  void pushToRegistryNeedsTheSha() {
    CliRun r = run("push-to-registry", "-s", "svc", "-y", soa);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--commit=SHA'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "0123456789abcdef0123456789abcdef0123456",
        "g123456789abcdef0123456789abcdef01234567"
      })
  void aShaThatIsNot40HexIsRefused(String sha) {
    List<String[]> calls =
        List.of(
            new String[] {
              "cook-image", "-s", "svc", "-y", soa, "-c", sha, "--repo-dir", tmp.toString()
            },
            new String[] {"itest", "-s", "svc", "-y", soa, "-c", sha, "--repo-dir", tmp.toString()},
            new String[] {"push-to-registry", "-s", "svc", "-y", soa, "-c", sha});
    for (String[] args : calls) {
      CliRun r = run(args);

      assertThat(r.exit()).as(args[0]).isEqualTo(1);
      assertThat(r.err())
          .as(args[0])
          .isEqualTo(
              "error: -c "
                  + sha
                  + ": not a full git sha - expected 40 hex characters (git rev-parse HEAD prints"
                  + " one)\n");
    }
  }

  @Test
  void anUpperCaseShaIsAccepted() {
    // accepted, then the empty checkout is refused: the sha check passed
    CliRun r =
        run(
            "cook-image",
            "-s",
            "svc",
            "-y",
            soa,
            "-c",
            SHA.toUpperCase(),
            "--repo-dir",
            tmp.toString());

    assertThat(r.err()).startsWith("error: cannot build an image from ");
  }

  @Test
  void anUnknownServiceIsNamed() {
    CliRun r = run("push-to-registry", "-s", "nope", "-y", soa, "-c", SHA);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: unknown service 'nope'");
  }

  @Test
  void cookImageOfAFolderWithoutDockerfileSaysWhatIsMissing() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));

    CliRun r = run("cook-image", "-s", "svc", "-y", soa, "-c", SHA, "--repo-dir", repo.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: cannot build an image from "
                + repo.toAbsolutePath()
                + ": it has no Dockerfile and no Makefile - add a Dockerfile, or pass --repo-dir"
                + " with the service's checkout\n");
  }

  @Test
  void cookImageWithoutShaOutsideGitSaysToPassIt() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));

    CliRun r = run("cook-image", "-s", "svc", "-y", soa, "--repo-dir", repo.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .endsWith("is not in a git repository - pass -c SHA, or --repo-dir with the checkout\n");
  }

  @Test
  void aMissingRepoDirIsNamed() {
    CliRun r = run("itest", "-s", "svc", "-y", soa, "-c", SHA, "--repo-dir", "/no/such/dir");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: --repo-dir /no/such/dir: no such directory - pass the service's checkout\n");
  }

  @Test
  void itestWithoutAnItestTargetSaysSo() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(repo.resolve("Makefile"), "cook-image:\n\tdocker build .\n");

    CliRun r = run("itest", "-s", "svc", "-y", soa, "-c", SHA, "--repo-dir", repo.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("Makefile has no itest target");
  }
}
