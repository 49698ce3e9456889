package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** make itself (a real process), with its output streamed line by line. */
class MakeClientTest {
  @TempDir Path repo;
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void needsMake() throws IOException {
    TestInfrastructure.requireMake();
    Files.writeString(
        repo.resolve("Makefile"),
        """
        .PHONY: show fail
        show:
        \t@echo "tag is $(DOCKER_TAG)"
        \t@echo "to stderr" >&2
        fail:
        \t@echo "compiling"
        \t@echo "boom: something broke" >&2
        \t@exit 3
        """);
  }

  @Test
  void passesDockerTagAndStreamsBothStreams() {
    MakeClient.Result result =
        new MakeClient()
            .run(repo, "show", Map.of("DOCKER_TAG", "r/services-x:paasta-1"), lines::add);

    assertThat(result.succeeded()).isTrue();
    assertThat(lines).containsExactly("tag is r/services-x:paasta-1", "to stderr");
  }

  @Test
  void aFailureKeepsTheExitCodeAndTheLastLines() {
    MakeClient.Result result = new MakeClient().run(repo, "fail", Map.of(), lines::add);

    assertThat(result.exitCode()).isEqualTo(2); // make's own code when a recipe fails
    assertThat(lines).startsWith("compiling", "boom: something broke");
    assertThat(result.tail()).contains("boom: something broke");
    assertThat(result.lastLine()).contains("fail").contains("Error 3");
  }
}
