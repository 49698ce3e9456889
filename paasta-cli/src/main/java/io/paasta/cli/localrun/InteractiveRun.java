package io.paasta.cli.localrun;

import io.paasta.backend.docker.localrun.DockerRunCommand;
import io.paasta.backend.docker.localrun.SingleTaskRunner;
import io.paasta.cli.UserException;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code -I}: runs the container with the docker CLI ({@code docker run --rm -i [-t] ...}, the
 * command {@code --dry-run} prints), attached to this terminal: the CLI puts the terminal into raw
 * mode and forwards signals, which a JVM cannot do. A TTY is asked for only when there is a
 * terminal. The container is removed when the CLI ends, or when local-run is stopped.
 */
public final class InteractiveRun {
  private final SingleTaskRunner engine;
  private final Consumer<String> progress;

  public InteractiveRun(SingleTaskRunner engine, Consumer<String> progress) {
    this.engine = engine;
    this.progress = progress;
  }

  /**
   * @param tty whether to allocate a TTY (there is a terminal)
   * @return the exit code of {@code docker run} (the container's)
   */
  public int run(LocalContainer container, boolean tty) throws InterruptedException {
    return run(container, tty, java.util.Map.of());
  }

  /**
   * @param secrets decrypted env values, given to the docker CLI by its environment
   */
  public int run(LocalContainer container, boolean tty, java.util.Map<String, String> secrets)
      throws InterruptedException {
    List<String> command =
        LocalSecrets.byName(DockerRunCommand.words(container.spec(), true, tty), secrets);
    progress.accept(
        "==> starting "
            + container.name()
            + " ("
            + container.image()
            + ") interactively on port "
            + container.port0()
            + ", no health check");
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      builder.environment().putAll(secrets);
      process = builder.start();
    } catch (IOException e) {
      throw new UserException(
          "-I runs the docker CLI (docker run -it), which could not be started ("
              + e.getMessage()
              + ") - install it (apt-get install docker.io) or run without -I");
    }
    try (ContainerGuard guard =
        new ContainerGuard(container.name(), () -> engine.remove(container.name()), progress)) {
      return process.waitFor();
    }
  }
}
