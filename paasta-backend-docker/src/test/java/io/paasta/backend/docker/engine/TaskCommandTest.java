package io.paasta.backend.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.testing.RunSpecBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskCommandTest {
  @Test
  void aCmdRunsThroughAShellInsteadOfTheImagesEntrypoint() {
    TaskCommand command = TaskCommand.of(RunSpecBuilder.image("i").cmd("httpd -p $PORT0").build());

    assertThat(command.entrypoint()).contains(List.of("/bin/sh", "-c"));
    assertThat(command.cmd()).contains(List.of("httpd -p $PORT0"));
  }

  @Test
  void argsAreTheCommandAfterTheImagesEntrypoint() {
    TaskCommand command =
        TaskCommand.of(RunSpecBuilder.image("i").args("serve", "--port", "1").build());

    assertThat(command.entrypoint()).isEmpty();
    assertThat(command.cmd()).contains(List.of("serve", "--port", "1"));
  }

  @Test
  void neitherRunsTheImagesDefault() {
    assertThat(TaskCommand.of(RunSpecBuilder.image("i").build()))
        .isEqualTo(new TaskCommand(Optional.empty(), Optional.empty()));
    assertThat(TaskCommand.of(RunSpecBuilder.image("i").cmd("  ").build()).cmd()).isEmpty();
  }
}
