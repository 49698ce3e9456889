package io.paasta.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code paasta} command in a JVM of its own, for what an in-process run cannot show: signals
 * (shutdown hooks), the environment ({@code DOCKER_HOST}). Its output (stdout and stderr together)
 * is collected as it comes.
 */
public final class CliProcess implements AutoCloseable {
  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final Thread reader;

  private CliProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "cli-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  public static CliProcess start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PaastaMain.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    return new CliProcess(process);
  }

  private void read() {
    try (InputStream in = process.getInputStream()) {
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      output.append("\n[output lost: ").append(e).append("]");
    }
  }

  /** Everything printed so far. */
  public String output() {
    return output.toString();
  }

  /** SIGTERM, as Ctrl-C would stop it (both run the shutdown hooks). */
  public void terminate() {
    // through the handle: Process.destroy() would also close the output being read
    process.toHandle().destroy();
  }

  /** Waits for the exit; returns the exit code, after the output is complete. */
  public int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("paasta did not exit within " + seconds + " s:\n" + output());
    }
    reader.join(TimeUnit.SECONDS.toMillis(5));
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
