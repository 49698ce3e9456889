package io.paasta.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The training run of the class-data-sharing archive ({@code bin/paasta} runs it with {@code
 * -XX:ArchiveClassesAtExit}): the commands people run most, one after another in one JVM, so that
 * the archive holds the classes each of them loads. Output is discarded; {@code status} asks an API
 * port nobody listens on, which loads the client and the report without reaching any daemon.
 *
 * <p>{@code StartupTraining SOA_DIR}: SOA_DIR is a small soa-configs tree (the examples).
 */
public final class StartupTraining {
  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: StartupTraining SOA_DIR");
      System.exit(2);
    }
    run(Path.of(args[0]));
    System.exit(0);
  }

  /** Runs the training command lines; returns each one's exit code, in order. */
  public static List<Integer> run(Path soaDir) throws IOException {
    Path systemConfig = Files.createTempDirectory("paasta-training");
    try {
      Files.writeString(
          systemConfig.resolve("10-api.json"),
          "{\"api_endpoints\": {\"local\": \"http://127.0.0.1:" + closedPort() + "\"}}");
      List<Integer> exits = new ArrayList<>();
      for (List<String> args : commandLines(soaDir, systemConfig)) {
        exits.add(runQuietly(args.toArray(String[]::new)));
      }
      return exits;
    } finally {
      try (var files = Files.list(systemConfig)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(systemConfig);
    }
  }

  static List<List<String>> commandLines(Path soaDir, Path systemConfig) {
    String soa = soaDir.toString();
    String service = firstService(soaDir);
    List<List<String>> lines = new ArrayList<>();
    lines.add(List.of("--help"));
    for (String command : CommandRegistry.standard().names()) {
      lines.add(List.of(command, "-h"));
    }
    lines.add(List.of("validate", "-y", soa));
    lines.add(List.of("validate", "-y", soa, "-s", service));
    lines.add(List.of("validate", "-y", soa, "--json"));
    lines.add(List.of("list", "-y", soa));
    lines.add(List.of("list", "-i", "-y", soa));
    lines.add(List.of("list", "-a", "-y", soa));
    lines.add(List.of("list-clusters", "-y", soa));
    lines.add(List.of("info", "-y", soa, "-s", service));
    lines.add(
        List.of(
            "status",
            "-y",
            soa,
            "-s",
            service,
            "--system-config-dir",
            systemConfig.toString(),
            "--api-timeout",
            "2"));
    return lines;
  }

  private static String firstService(Path soaDir) {
    try (var entries = Files.list(soaDir)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".") && !name.startsWith("_"))
          .sorted()
          .findFirst()
          .orElse("none");
    } catch (IOException e) {
      return "none";
    }
  }

  private static int runQuietly(String... args) {
    CommandLine commandLine = PaastaMain.newCommandLine(args);
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    commandLine.setOut(nowhere);
    commandLine.setErr(nowhere);
    return commandLine.execute(args);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
