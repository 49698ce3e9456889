package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.deploy.DeployException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoHeadReaderTest {
  @Test
  void theShaOfHeadAlsoFromASubdirectory(@TempDir Path dir) throws GitAPIException, IOException {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Files.createDirectories(dir.resolve("www"));
      Files.writeString(dir.resolve("www/status"), "OK\n");
      git.add().addFilepattern(".").call();
      RevCommit commit =
          git.commit().setMessage("first").setAuthor("t", "t@example.com").setSign(false).call();

      assertThat(RepoHeadReader.headSha(dir)).isEqualTo(commit.name()).hasSize(40);
      assertThat(RepoHeadReader.headSha(dir.resolve("www"))).isEqualTo(commit.name());
    }
  }

  @Test
  void aRepositoryWithoutCommitsSaysSo(@TempDir Path dir) throws GitAPIException {
    Git.init().setDirectory(dir.toFile()).call().close();

    assertThatThrownBy(() -> RepoHeadReader.headSha(dir))
        .isInstanceOf(DeployException.class)
        .hasMessageEndingWith("has no commit yet - commit first, or pass -c SHA");
  }

  @Test
  void aFolderOutsideGitSaysToPassTheSha(@TempDir Path dir) {
    // @TempDir lives under java.io.tmpdir, outside any checkout
    assertThatThrownBy(() -> RepoHeadReader.headSha(dir))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            dir + " is not in a git repository - pass -c SHA, or --repo-dir with the checkout");
  }
}
