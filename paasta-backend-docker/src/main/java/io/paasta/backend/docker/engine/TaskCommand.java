package io.paasta.backend.docker.engine;

import io.paasta.planning.app.RunSpec;
import java.util.List;
import java.util.Optional;

/**
 * What a task's container runs, as Marathon's Docker containerizer ran it: a {@code cmd} through a
 * shell ({@code --entrypoint /bin/sh ... -c <cmd>}, replacing the image's entrypoint); else {@code
 * args} as the container's command (exec form, after the image's entrypoint); else the image's
 * default.
 *
 * @param entrypoint replaces the image's entrypoint when present
 * @param cmd replaces the image's command when present
 */
public record TaskCommand(Optional<List<String>> entrypoint, Optional<List<String>> cmd) {
  public static final List<String> SHELL = List.of("/bin/sh", "-c");

  public static TaskCommand of(RunSpec run) {
    Optional<String> cmd = run.cmd().filter(c -> !c.isBlank());
    if (cmd.isPresent()) {
      return new TaskCommand(Optional.of(SHELL), Optional.of(List.of(cmd.get())));
    }
    if (!run.args().isEmpty()) {
      return new TaskCommand(Optional.empty(), Optional.of(run.args()));
    }
    return new TaskCommand(Optional.empty(), Optional.empty());
  }
}
