package io.paasta.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoChecksTest {
  @TempDir Path repo;

  @Test
  void theFromLineMayFollowCommentsDirectivesAndArgs() {
    assertThat(
            RepoChecks.fromLine(
                "# syntax=docker/dockerfile:1\n\nARG BASE=x\nfrom $BASE AS build\n"))
        .contains("$BASE");
    assertThat(RepoChecks.fromLine("FROM scratch\nCOPY a /a\n")).contains("scratch");
    assertThat(RepoChecks.fromLine("RUN echo\nFROM scratch\n")).isEmpty();
    assertThat(RepoChecks.fromLine("# nothing\n")).isEmpty();
    assertThat(RepoChecks.fromLine("FROM\n")).isEmpty();
  }

  @Test
  void anEmptyRepositoryFailsTheDockerfileAndTheMakefile() {
    List<CheckItem> items = RepoChecks.check(repo);

    assertThat(items)
        .extracting(CheckItem::check, CheckItem::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dockerfile", CheckItem.Status.FAILED),
            org.assertj.core.groups.Tuple.tuple("makefile", CheckItem.Status.FAILED));
    assertThat(items.get(0).message()).isEqualTo("no Dockerfile in " + repo);
    assertThat(items.get(1).hint())
        .isEqualTo(
            "add a Makefile with the targets cook-image, test and itest, honouring DOCKER_TAG"
                + " (see examples/services/hello-web/Makefile)");
  }

  @Test
  void eachMissingTargetIsItsOwnFailure() throws IOException {
    Files.writeString(repo.resolve("Dockerfile"), "FROM scratch\n");
    Files.writeString(repo.resolve("Makefile"), "cook-image:\n\tdocker build -t x .\nTAG := 1\n");

    List<CheckItem> items = RepoChecks.check(repo);

    assertThat(items)
        .extracting(CheckItem::check, CheckItem::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dockerfile", CheckItem.Status.PASSED),
            org.assertj.core.groups.Tuple.tuple("makefile", CheckItem.Status.PASSED),
            org.assertj.core.groups.Tuple.tuple("makefile.cook-image", CheckItem.Status.PASSED),
            org.assertj.core.groups.Tuple.tuple("makefile.test", CheckItem.Status.FAILED),
            org.assertj.core.groups.Tuple.tuple("makefile.itest", CheckItem.Status.FAILED),
            org.assertj.core.groups.Tuple.tuple("makefile.docker-tag", CheckItem.Status.FAILED));
    assertThat(items.get(4).message()).isEqualTo("Makefile has no itest target");
    assertThat(items.get(4).hint()).startsWith("add itest: cook-image, then test the image");
  }
}
