package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.logs.ApiLogSource;
import io.paasta.cli.logs.FileLogSource;
import io.paasta.cli.logs.LogLinePrinter;
import io.paasta.cli.logs.LogQuery;
import io.paasta.cli.logs.LogSource;
import io.paasta.cli.logs.LogTimes;
import io.paasta.cli.output.Output;
import io.paasta.config.logs.LogComponents;
import io.paasta.config.logs.LogEntry;
import io.paasta.config.logs.LogFilter;
import io.paasta.config.logs.LogWriterSettings;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.model.SystemConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta logs}: a service's log lines of every component, merged in time order. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a service's log lines: what its tasks print (stdout, stderr), and build, deploy,"
          + " monitoring, oom and task_lifecycle lines, from every cluster asked, merged in time"
          + " order. Each cluster is read through its API (api_endpoints of the system config), or"
          + " from the log files of this host when it has no API.",
      "Default: the last 100 lines of stdout and stderr. Times are ISO 8601 or a duration ago"
          + " (5m, 1d3h)."
    })
public final class LogsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin ServiceOption service;

  @Mixin ApiOptions api;

  @Option(
      names = {"-c", "--clusters"},
      paramLabel = "CLUSTERS",
      description = "Comma-separated clusters (default: every cluster of the service).")
  String clusters;

  @Option(
      names = {"-i", "--instances"},
      paramLabel = "INSTANCES",
      description = "Comma-separated instances (default: all).")
  String instances;

  @Option(
      names = {"-C", "--components"},
      paramLabel = "COMPONENTS",
      description =
          "Comma-separated components: build, deploy, monitoring, oom, task_lifecycle, stdout,"
              + " stderr, app_output (stdout and stderr), marathon, chronos (default:"
              + " stdout,stderr).")
  String components;

  @Option(
      names = {"-f", "--tail"},
      description = "Follow: print new lines as they are written, until interrupted.")
  boolean tail;

  @Option(
      names = {"-l", "-n", "--lines"},
      paramLabel = "N",
      description = "The last N lines (default 100 when no time is given).")
  Integer lines;

  @Option(
      names = {"-a", "--from", "--after"},
      paramLabel = "TIME",
      description = "Lines from this time on (ISO 8601, or a duration ago such as 5m, 1d3h).")
  String from;

  @Option(
      names = {"-t", "--to"},
      paramLabel = "TIME",
      description = "Lines up to this time (ISO 8601, or a duration ago); default: now.")
  String to;

  @Option(
      names = {"-r", "--raw-mode"},
      description = "Print the stored JSON lines.")
  boolean raw;

  @Option(
      names = {"-S", "--strip-headers"},
      description = "Print the messages only (no time, component, cluster, instance).")
  boolean stripHeaders;

  @Option(
      names = "--task",
      paramLabel = "ID",
      description = "Only the lines of this task (its id or a prefix).")
  String task;

  @Override
  public Integer call() throws InterruptedException {
    LogQuery query = query(Instant.now());
    SoaConfigsLoader loader = soaDir.open();
    String name = SoaDirOption.serviceOrGuess(service.given(), loader);
    query = new LogQuery(name, query.filter(), query.lines(), query.from(), query.to());
    List<LogSource> sources = sources(clustersOf(loader, name));
    LogLinePrinter printer =
        new LogLinePrinter(
            new Output(spec.commandLine()),
            raw
                ? LogLinePrinter.Mode.RAW
                : stripHeaders ? LogLinePrinter.Mode.MESSAGE_ONLY : LogLinePrinter.Mode.PRETTY,
            ZoneId.systemDefault());
    if (tail) {
      follow(sources, query, printer);
      return 0;
    }
    return print(sources, query, printer);
  }

  /** The query of the flags; the errors of SPEC section 13. */
  LogQuery query(Instant now) {
    if (tail && (lines != null || from != null || to != null)) {
      throw new UserException(
          "You cannot specify line/time based filtering parameters when tailing");
    }
    if (lines != null && (from != null || to != null)) {
      throw new UserException("You cannot filter based on both line counts and time");
    }
    if (lines != null && lines < 1) {
      throw new UserException("--lines " + lines + ": expected at least 1");
    }
    Optional<Instant> start =
        Optional.ofNullable(from)
            .map(t -> LogTimes.parse(t, "--from", now, ZoneId.systemDefault()));
    Optional<Instant> end =
        Optional.ofNullable(to).map(t -> LogTimes.parse(t, "--to", now, ZoneId.systemDefault()));
    if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
      throw new UserException("Start time bigger than end time");
    }
    Set<String> wanted;
    try {
      wanted =
          components == null
              ? LogComponents.DEFAULT
              : LogComponents.expand(InstanceTargets.split(components));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    LogFilter filter =
        new LogFilter(
            wanted,
            Set.copyOf(InstanceTargets.split(clusters)),
            Set.copyOf(InstanceTargets.split(instances)),
            Optional.ofNullable(task).filter(t -> !t.isBlank()));
    return new LogQuery(
        "",
        filter,
        lines == null ? OptionalInt.of(100) : OptionalInt.of(lines),
        start,
        start.isPresent() && end.isEmpty() ? Optional.of(now) : end);
  }

  private List<String> clustersOf(SoaConfigsLoader loader, String name) {
    List<String> given = InstanceTargets.split(clusters);
    if (!given.isEmpty()) {
      return given;
    }
    List<String> known = loader.load(name).service().clusters();
    if (known.isEmpty()) {
      throw new UserException(
          name + " has no instances in any cluster: pass -c CLUSTER to read its logs");
    }
    return known;
  }

  /** Each cluster's API, else this host's files when this host is that cluster's. */
  private List<LogSource> sources(List<String> wanted) {
    Path dir = api.systemConfigDir();
    SystemConfig system = SystemConfigLoader.loadUsable(dir);
    List<LogSource> sources = new ArrayList<>();
    List<String> unreachable = new ArrayList<>();
    for (String cluster : wanted) {
      String url = system.apiEndpoints().get(cluster);
      LogWriterSettings files =
          LogWriterSettings.from(system, Path.of(LogWriterSettings.DEFAULT_STATE_DIR));
      if (url != null) {
        sources.add(new ApiLogSource(cluster, url, api.timeout()));
      } else if (cluster.equals(system.cluster()) && files.writes()) {
        sources.add(new FileLogSource(cluster, files.pathFormat().get()));
      } else {
        unreachable.add(cluster);
      }
    }
    if (!unreachable.isEmpty()) {
      String message =
          "no API endpoint for cluster(s) "
              + String.join(", ", unreachable)
              + " in "
              + dir
              + " (api_endpoints), and this host is not theirs: their logs cannot be read";
      if (sources.isEmpty()) {
        throw new UserException(message);
      }
      spec.commandLine().getErr().println(message);
    }
    return sources;
  }

  private int print(List<LogSource> sources, LogQuery query, LogLinePrinter printer) {
    List<LogEntry> all = new ArrayList<>();
    boolean anyLogs = false;
    long invalid = 0;
    int failed = 0;
    for (LogSource source : sources) {
      try {
        LogSource.Result result = source.read(query);
        all.addAll(result.entries());
        anyLogs |= result.hasLogs();
        invalid += result.invalidLines();
      } catch (UserException e) {
        spec.commandLine().getErr().println(e.getMessage());
        failed++;
      }
    }
    all.sort(Comparator.comparing(e -> e.line().timestamp()));
    List<LogEntry> shown =
        query.byTime()
            ? all
            : all.subList(Math.max(0, all.size() - query.lines().orElse(100)), all.size());
    printer.printAll(shown);
    if (invalid > 0) {
      spec.commandLine().getErr().println(invalid + " invalid stored line(s) skipped");
    }
    if (!anyLogs && failed == 0) {
      spec.commandLine().getErr().println("No logs yet for " + query.service() + ".");
    }
    return failed == sources.size() ? 1 : 0;
  }

  private static void follow(List<LogSource> sources, LogQuery query, LogLinePrinter printer)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (LogSource source : sources) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  source.follow(query, printer::print);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                  failures.add(e);
                }
              },
              "paasta-logs-" + source.describe());
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
  }
}
