package io.paasta.cli;

import static io.paasta.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paasta fsm} on a copy of the example soa-configs: what it writes passes {@code paasta
 * validate} at once, and with {@code --repo} {@code paasta check} (real git, real ls-remote).
 */
class FsmCommandIT {
  @TempDir Path tmp;
  private Path soa;

  @BeforeEach
  void theExampleTree() throws IOException {
    soa = tmp.resolve("soa");
    copy(CliRun.EXAMPLES, soa);
  }

  @Test
  void theNewServicePassesValidateAndCheckWithItsRepository() throws IOException {
    Path repo = tmp.resolve("repos").resolve("shop-api");

    CliRun fsm =
        run(
            "fsm",
            "-y",
            soa.toString(),
            "--service",
            "shop-api",
            "--team",
            "shop",
            "--description",
            "Sells \"things\"",
            "--repo",
            repo.toString());

    assertThat(fsm.exit()).as(fsm.all()).isZero();
    assertThat(fsm.outLines().get(0))
        .isEqualTo("Wrote shop-api (proxy_port 19000, clusters local, prod-east):");
    Path folder = soa.resolve("shop-api");
    assertThat(Files.readString(folder.resolve("smartstack.yaml"))).contains("proxy_port: 19000");
    assertThat(Files.readString(folder.resolve("monitoring.yaml")))
        .isEqualTo("team: \"shop\"\npage: true\n");
    assertThat(folder.resolve("marathon-local.yaml")).exists();
    assertThat(Files.readString(folder.resolve("marathon-prod-east.yaml")))
        .contains("main:\n  <<: *base\n  instances: 3\n")
        .contains("canary:\n  <<: *base\n  instances: 1\n  registrations:\n    - shop-api.main\n");
    assertThat(Files.isExecutable(repo.resolve("itest.sh"))).isTrue();

    CliRun validate = run("validate", "-y", soa.toString());
    assertThat(validate.exit()).as(validate.all()).isZero();
    CliRun check = run("check", "-s", "shop-api", "-y", soa.toString(), "--repo", repo.toString());
    assertThat(check.exit()).as(check.all()).isZero();
    assertThat(check.out())
        .contains("proxy_port in range and unique: main 19000")
        .contains("the git remote file://" + repo + " answers");
  }

  @Test
  void withoutRepositoryTheSoaConfigsStillValidateAndTheNextServiceGetsTheNextPort() {
    assertThat(run("fsm", "-y", soa.toString(), "-s", "first").exit()).isZero();
    CliRun second = run("fsm", "-y", soa.toString(), "-s", "second");

    assertThat(second.exit()).as(second.all()).isZero();
    assertThat(second.outLines().get(0)).contains("proxy_port 19001");
    CliRun validate = run("validate", "-y", soa.toString());
    assertThat(validate.exit()).as(validate.all()).isZero();
  }

  @Test
  void anExistingServiceOrAnInvalidNameOrANonEmptyRepoIsRefusedAndNothingWritten()
      throws IOException {
    CliRun existing = run("fsm", "-y", soa.toString(), "-s", "hello-web");
    assertThat(existing.exit()).isNotZero();
    assertThat(existing.err()).contains("service hello-web exists already");

    CliRun invalid = run("fsm", "-y", soa.toString(), "-s", "Bad Name");
    assertThat(invalid.exit()).isNotZero();
    assertThat(invalid.err()).contains("'Bad Name' is not a valid service name - expected");

    Path busy = Files.createDirectories(tmp.resolve("busy"));
    Files.writeString(busy.resolve("README"), "mine\n");
    CliRun nonEmpty = run("fsm", "-y", soa.toString(), "-s", "fresh", "--repo", busy.toString());
    assertThat(nonEmpty.exit()).isNotZero();
    assertThat(nonEmpty.err()).contains("--repo " + busy + " is not empty");
    assertThat(soa.resolve("fresh")).doesNotExist();
    assertThat(soa.resolve("Bad Name")).doesNotExist();
  }

  @Test
  void noPortLeftInTheRangeIsSaid() throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (int port = 19000; port <= 21000; port++) {
      yaml.append("ns").append(port).append(":\n  proxy_port: ").append(port).append('\n');
    }
    Path full = Files.createDirectories(soa.resolve("ports-hog"));
    Files.writeString(full.resolve("smartstack.yaml"), yaml.toString());

    CliRun r = run("fsm", "-y", soa.toString(), "-s", "one-too-many");

    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("There are no more ports available in the range [19000, 21000]");
    assertThat(soa.resolve("one-too-many")).doesNotExist();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
