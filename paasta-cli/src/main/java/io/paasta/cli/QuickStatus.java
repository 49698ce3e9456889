package io.paasta.cli;

import io.paasta.cli.commands.ApiOptions;
import io.paasta.cli.commands.StatusReport;
import io.paasta.cli.output.AnsiMarkup;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.soa.SoaDir;
import io.paasta.config.system.SystemConfigLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * {@code paasta status} without picocli, for plain command lines ({@link PlainArgs}: {@code status}
 * then at most one each of {@code -y/--soa-dir}, {@code -s/--service}, {@code --system-config-dir},
 * {@code --api-timeout} (digits, maybe a fraction), {@code -c/--clusters}, {@code -i/--instances},
 * {@code -v/--verbose} and {@code --json}): the same report ({@link StatusReport}) written as
 * picocli's writer writes it. Any other form ({@code -vv}), a setting picocli would print
 * differently, an error (no such service, an unusable system config) and markup it does not render
 * are left to picocli, which runs the command as before (asking the APIs again in the last case).
 * This class must not use picocli.
 */
final class QuickStatus {
  /** A plain {@code paasta status} command line; null for what was not given. */
  record Request(
      Path soaDir,
      String service,
      Path systemConfigDir,
      Duration timeout,
      String clusters,
      String instances,
      boolean verbose,
      boolean json) {}

  /** {@code --api-timeout}'s default, in seconds (StatusCommand's {@code ApiOptions}). */
  private static final double DEFAULT_TIMEOUT_SECONDS = 10;

  private QuickStatus() {}

  /** The request of these arguments; empty when picocli must read them. */
  static Optional<Request> parse(String... args) {
    return PlainArgs.parse(
            args,
            "status",
            Map.of("-v", "verbose", "--verbose", "verbose", "--json", "json"),
            Map.ofEntries(
                Map.entry("-y", "soa-dir"),
                Map.entry("--soa-dir", "soa-dir"),
                Map.entry("-s", "service"),
                Map.entry("--service", "service"),
                Map.entry("--system-config-dir", "system-config-dir"),
                Map.entry("--api-timeout", "api-timeout"),
                Map.entry("-c", "clusters"),
                Map.entry("--clusters", "clusters"),
                Map.entry("-i", "instances"),
                Map.entry("--instances", "instances")))
        .filter(o -> o.getOrDefault("api-timeout", "0").matches("\\d{1,9}(\\.\\d{1,9})?"))
        .map(
            o ->
                new Request(
                    o.containsKey("soa-dir") ? Path.of(o.get("soa-dir")) : null,
                    o.get("service"),
                    o.containsKey("system-config-dir") ? Path.of(o.get("system-config-dir")) : null,
                    ApiOptions.timeout(
                        o.containsKey("api-timeout")
                            ? Double.parseDouble(o.get("api-timeout"))
                            : DEFAULT_TIMEOUT_SECONDS),
                    o.get("clusters"),
                    o.get("instances"),
                    o.containsKey("verbose"),
                    o.containsKey("json")));
  }

  static OptionalInt run(String... args) {
    return run(args, System.getenv(), System.getProperties(), System.console() != null, System.out);
  }

  /**
   * Shows the status and returns its exit code, having printed; empty (nothing printed) when
   * picocli must run it.
   */
  static OptionalInt run(
      String[] args,
      Map<String, String> env,
      Properties properties,
      boolean console,
      PrintStream stdout) {
    Optional<QuickLine.Plain<Request>> plain =
        QuickLine.read(QuickStatus::parse, args, env, properties, console);
    if (plain.isEmpty()) {
      return OptionalInt.empty();
    }
    Request request = plain.get().request();
    Path systemConfigDir =
        request.systemConfigDir() != null
            ? request.systemConfigDir()
            : SystemConfigLoader.defaultDir();
    StatusReport report;
    try {
      report =
          StatusReport.collect(
              SoaConfigsLoader.open(
                  request.soaDir() != null ? request.soaDir() : SoaDir.defaultPath()),
              request.service(),
              request.clusters(),
              request.instances(),
              () -> ApiOptions.endpoints(systemConfigDir, request.timeout()),
              request.verbose() ? 1 : 0);
    } catch (RuntimeException e) {
      return OptionalInt.empty(); // picocli's error handler says it, as before
    }
    Optional<String> text =
        request.json()
            ? Optional.of(Output.jsonText(report.json()) + System.lineSeparator())
            : rendered(report.lines(Instant.now()), plain.get().ansi());
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    QuickLine.print(stdout, text.get());
    return OptionalInt.of(report.exitCode());
  }

  /** The lines rendered and each ended; empty when some markup is picocli's to render. */
  private static Optional<String> rendered(List<String> markup, boolean ansi) {
    String separator = System.lineSeparator();
    StringBuilder text = new StringBuilder();
    for (String line : markup) {
      Optional<String> rendered = AnsiMarkup.render(line, ansi);
      if (rendered.isEmpty()) {
        return Optional.empty();
      }
      text.append(rendered.get()).append(separator);
    }
    return Optional.of(text.toString());
  }
}
