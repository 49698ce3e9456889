package io.paasta.cli.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built programs, as the tests that run them in processes of their own use them: the daemon's
 * jar ({@code ./mvnw -B -o package -DskipTests -pl paasta-server -am} builds it) and the CLI's
 * (packaged before the integration tests run).
 */
public final class BuiltJars {
  public static final Path SERVER_JAR = Path.of("../paasta-server/target/paasta-server.jar");
  public static final Path CLI_JAR = Path.of("target/paasta-cli.jar");

  private BuiltJars() {}

  /** {@code java -XX:TieredStopAtLevel=1 -jar JAR ARGS} with this JVM's java (a quick start). */
  public static List<String> command(Path jar, List<String> args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString()));
    command.addAll(args);
    return command;
  }

  /** SIGTERM to each (the daemon closes as on Ctrl-C), SIGKILL to what still runs 20 s later. */
  public static void stop(List<Process> processes) throws InterruptedException {
    for (Process process : processes) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
