package io.paasta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example repository with the real git. */
class ExampleRepositoryIT {
  @TempDir Path tmp;

  @Test
  void aCommittedCopyIsAGitRepositoryWhoseHeadHasTheExampleFiles() throws Exception {
    ExampleRepository repo = ExampleRepository.committed("hello-web", tmp);

    assertThat(repo.dir()).isEqualTo(tmp.resolve("hello-web"));
    assertThat(repo.head()).matches("[0-9a-f]{40}");
    assertThat(Files.readString(repo.dir().resolve("Dockerfile"))).contains("FROM scratch");
    assertThat(repo.dir().resolve(".git")).isDirectory();
    assertThat(repo.dir().resolve("busybox")).doesNotExist();
  }

  @Test
  void aCopyIsNoRepository() {
    ExampleRepository repo = ExampleRepository.copy("hello-web", tmp);

    assertThat(repo.head()).isEmpty();
    assertThat(repo.dir().resolve("Dockerfile")).isRegularFile();
    assertThat(repo.dir().resolve(".git")).doesNotExist();
  }
}
