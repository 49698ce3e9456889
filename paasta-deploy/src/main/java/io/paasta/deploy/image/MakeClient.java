package io.paasta.deploy.image;

import io.paasta.deploy.DeployException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs {@code make TARGET} in a repository, streaming its output (stdout and stderr) line by line.
 */
public final class MakeClient {
  private static final int TAIL_LINES = 20;

  /** How make ended, and the last lines it printed. */
  public record Result(int exitCode, List<String> tail) {
    public boolean succeeded() {
      return exitCode == 0;
    }

    /** The last line of output, usually the error, or "" when it printed nothing. */
    public String lastLine() {
      return tail.isEmpty() ? "" : tail.get(tail.size() - 1);
    }
  }

  /**
   * Runs {@code make target} in {@code dir} with {@code env} added to this process's environment;
   * every output line goes to {@code output} as it comes.
   *
   * @throws DeployException when make cannot be started
   */
  public Result run(Path dir, String target, Map<String, String> env, Consumer<String> output) {
    ProcessBuilder builder = new ProcessBuilder("make", target).directory(dir.toFile());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new DeployException(
          "cannot run make in "
              + dir
              + " ("
              + e.getMessage()
              + ") - is make installed? (apt-get install make)",
          e);
    }
    OutputTail tail = new OutputTail(TAIL_LINES);
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        tail.add(line);
        output.accept(line);
      }
      return new Result(process.waitFor(), tail.lines());
    } catch (IOException e) {
      process.destroyForcibly();
      throw new DeployException("lost the output of make " + target + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new DeployException("interrupted while running make " + target, e);
    }
  }
}
