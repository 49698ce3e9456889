package io.paasta.cli;

import io.paasta.config.logs.LogFileWriter;
import io.paasta.config.logs.LogLine;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.deploy.git.OneCommitRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The training run of the class-data-sharing archive ({@code bin/paasta} runs it with {@code
 * -XX:ArchiveClassesAtExit}): the commands people run most, one after another in one JVM, so that
 * the archive holds the classes each of them loads. Output is discarded; {@code status} asks an API
 * port nobody listens on (the error path), then a {@link TrainingApi} (the launcher's path without
 * picocli, answered: parsing and formatting); {@code logs} reads the last lines and a time range of
 * training log files (a cluster without an API); {@code mark-for-deployment} tags a commit of a
 * training repository (a folder: no network, no registry), its deploy line going to the training
 * log files.
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
    PaastaMain.skipGroovyLookup();
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
      Files.createDirectories(systemConfig.resolve(LOGS_CONFIG));
      Files.writeString(
          systemConfig.resolve(LOGS_CONFIG).resolve("10-logs.json"),
          "{\"cluster\": \""
              + LOGS_CLUSTER
              + "\", \"docker_registry\": \"127.0.0.1:5000\", \"log_writer\": {\"driver\": \"file\", \"options\": {\"path_format\": \""
              + systemConfig.resolve("logs").resolve("{service}.log")
              + "\"}}}");
      writeLogs(systemConfig.resolve("logs").resolve("{service}.log").toString(), soaDir);
      Path repo = systemConfig.resolve("repo");
      String sha = OneCommitRepository.create(repo);
      List<Integer> exits = new ArrayList<>();
      StoredHelp.page("--help"); // the stored pages' reader, as PaastaLauncher uses it
      for (List<String> args : commandLines(soaDir, systemConfig, repo, sha)) {
        exits.add(runQuietly(args.toArray(String[]::new)));
      }
      // validate's and list's own paths without picocli, as PaastaLauncher takes them (colours on
      // for validate, so both renderings are trained)
      QuickValidate.run(
          new String[] {"validate", "-y", soaDir.toString(), "-s", firstService(soaDir)},
          java.util.Map.of("CLICOLOR_FORCE", "1"),
          System.getProperties(),
          false,
          new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      java.io.PrintStream nowhere =
          new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
      QuickList.run(
          new String[] {"list", "-i", "-y", soaDir.toString()},
          java.util.Map.of(),
          System.getProperties(),
          false,
          nowhere,
          nowhere);
      answeredStatus(soaDir, systemConfig.resolve(STATUS_CONFIG), nowhere);
      return exits;
    } finally {
      try (var files = Files.walk(systemConfig)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /**
   * {@code status} of every service of {@code soaDir} by the launcher's path without picocli, as
   * {@code paasta status -s SERVICE} runs it, answered by a {@link TrainingApi} that serves every
   * cluster (its system config written in {@code configDir}); each also with {@code -v}, with
   * {@code --json} and in colour. Returns each run's exit code (empty: it fell back to picocli).
   */
  static List<OptionalInt> answeredStatus(Path soaDir, Path configDir, PrintStream out)
      throws IOException {
    try (TrainingApi api = new TrainingApi()) {
      Files.createDirectories(configDir);
      Files.writeString(
          configDir.resolve("10-api.json"),
          clusters(soaDir).stream()
              .map(cluster -> "\"" + cluster + "\": \"" + api.url() + "\"")
              .collect(
                  Collectors.joining(
                      ", ",
                      "{\"cluster\": \"training\", \"docker_registry\": \"127.0.0.1:5000\","
                          + " \"api_endpoints\": {",
                      "}}")));
      List<String> status =
          List.of("status", "-y", soaDir.toString(), "--system-config-dir", configDir.toString());
      List<OptionalInt> exits = new ArrayList<>();
      for (String service : services(soaDir)) {
        List<String> serviceStatus = concat(status, List.of("-s", service));
        exits.add(quickStatus(serviceStatus, Map.of(), out));
        exits.add(quickStatus(concat(serviceStatus, List.of("-v")), Map.of(), out));
        exits.add(quickStatus(concat(serviceStatus, List.of("--json")), Map.of(), out));
        exits.add(quickStatus(serviceStatus, Map.of("CLICOLOR_FORCE", "1"), out));
      }
      return exits;
    }
  }

  private static OptionalInt quickStatus(
      List<String> args, Map<String, String> env, PrintStream out) {
    return QuickStatus.run(args.toArray(String[]::new), env, System.getProperties(), false, out);
  }

  /** The clusters of the instance files of {@code soaDir} ({@code KIND-CLUSTER.yaml}). */
  private static List<String> clusters(Path soaDir) throws IOException {
    try (var files = Files.walk(soaDir, 2)) {
      return files
          .map(file -> INSTANCE_FILE.matcher(file.getFileName().toString()))
          .filter(Matcher::matches)
          .map(file -> file.group(1))
          .distinct()
          .sorted()
          .toList();
    }
  }

  private static final Pattern INSTANCE_FILE =
      Pattern.compile("(?:marathon|kubernetes|chronos|adhoc)-(.+)\\.yaml");

  private static final String STATUS_CONFIG = "status-config";

  /** The cluster of the training's log files (read from this host: no API). */
  static final String LOGS_CLUSTER = "training";

  private static final String LOGS_CONFIG = "logs-config";

  /** Training lines for {@code paasta logs}, an hour of them ending now. */
  private static void writeLogs(String pathFormat, Path soaDir) throws IOException {
    Instant now = Instant.now();
    try (LogFileWriter writer = new LogFileWriter(pathFormat, 1 << 20, 1)) {
      for (int i = 0; i < 120; i++) {
        writer.write(
            LogLine.output(
                now.minusSeconds(3600 - i * 30L),
                i % 2 == 0 ? "stdout" : "stderr",
                LOGS_CLUSTER,
                firstService(soaDir),
                "main",
                "0123456789ab",
                "training line " + i));
      }
    }
  }

  /**
   * The training's command lines; {@code repo} is a repository holding commit {@code sha}, which
   * mark-for-deployment tags.
   */
  static List<List<String>> commandLines(Path soaDir, Path systemConfig, Path repo, String sha) {
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
    String logsConfig = systemConfig.resolve(LOGS_CONFIG).toString();
    List<String> logs =
        List.of("logs", "-y", soa, "-s", service, "-c", LOGS_CLUSTER, "--system-config-dir");
    lines.add(concat(logs, List.of(logsConfig, "-l", "100")));
    Instant now = Instant.now();
    lines.add(
        concat(
            logs,
            List.of(
                logsConfig,
                "-a",
                now.minusSeconds(1800).toString(),
                "-t",
                now.toString(),
                "-C",
                "stdout,stderr,deploy")));
    lines.add(
        List.of(
            "mark-for-deployment",
            "-y",
            soa,
            "-s",
            service,
            "-u",
            repo.toString(),
            "-l",
            firstDeployGroup(soaDir, service),
            "-c",
            sha,
            "--skip-image-check",
            "--system-config-dir",
            logsConfig));
    return lines;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** The first step of the service's deploy.yaml pipeline that is a deploy group. */
  private static String firstDeployGroup(Path soaDir, String service) {
    try {
      return SoaConfigsLoader.open(soaDir).load(service).service().deploy().stream()
          .flatMap(deploy -> deploy.deployGroups().stream())
          .findFirst()
          .orElse("none");
    } catch (RuntimeException e) {
      return "none";
    }
  }

  private static String firstService(Path soaDir) {
    return services(soaDir).stream().findFirst().orElse("none");
  }

  /** The services of {@code soaDir}, sorted. */
  private static List<String> services(Path soaDir) {
    try (var entries = Files.list(soaDir)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".") && !name.startsWith("_"))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
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
