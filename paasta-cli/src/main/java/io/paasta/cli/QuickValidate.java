package io.paasta.cli;

import io.paasta.cli.commands.ValidateLines;
import io.paasta.cli.output.AnsiMarkup;
import io.paasta.cli.output.Lines;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.soa.SoaDir;
import io.paasta.config.validate.ValidationReport;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * {@code paasta validate} without picocli, for the command lines whose meaning is plain: {@code
 * validate} then at most one each of {@code -y/--soa-dir DIR}, {@code -s/--service SERVICE} and
 * {@code -v/--verbose}, with values that do not start with {@code -} or {@code @}. It prints what
 * {@code ValidateCommand} prints (the same code: {@link ValidateLines}), with colours decided as
 * picocli decides them ({@link StoredHelp#ansi}). Anything else (another form, {@code --json}, a
 * setting picocli would render differently, an error while validating, markup it does not render)
 * is left to picocli, which runs the command as before. This class must not use picocli.
 */
final class QuickValidate {
  /** A plain {@code paasta validate} command line. */
  record Request(Path soaDir, String service, boolean verbose) {}

  /** The JVM's stdout charset, which picocli reads (set on Windows consoles). */
  private static final String STDOUT_ENCODING = "sun.stdout.encoding";

  private QuickValidate() {}

  /** The request of these arguments; empty when picocli must read them. */
  static Optional<Request> parse(String... args) {
    return PlainArgs.parse(
            args,
            "validate",
            Map.of("-v", "verbose", "--verbose", "verbose"),
            Map.of(
                "-y", "soa-dir", "--soa-dir", "soa-dir", "-s", "service", "--service", "service"))
        .map(
            o ->
                new Request(
                    o.containsKey("soa-dir") ? Path.of(o.get("soa-dir")) : null,
                    o.get("service"),
                    o.containsKey("verbose")));
  }

  /**
   * Runs a plain validate and returns its exit code, having printed its lines; empty (nothing
   * printed) when picocli must run it.
   */
  static OptionalInt run(String... args) {
    return run(args, System.getenv(), System.getProperties(), System.console() != null, System.out);
  }

  static OptionalInt run(
      String[] args,
      Map<String, String> env,
      Properties properties,
      boolean console,
      PrintStream stdout) {
    Optional<QuickLine.Plain<Request>> plain =
        QuickLine.read(QuickValidate::parse, args, env, properties, console);
    if (plain.isEmpty()) {
      return OptionalInt.empty();
    }
    Request request = plain.get().request();
    ValidationReport report;
    try {
      Path soaDir = request.soaDir();
      SoaConfigsLoader loader =
          SoaConfigsLoader.open(soaDir != null ? soaDir : SoaDir.defaultPath());
      report = ValidateLines.report(loader, request.service());
    } catch (RuntimeException e) {
      return OptionalInt.empty(); // picocli's error handler says it, as before
    }
    Rendered rendered = new Rendered(plain.get().ansi());
    ValidateLines.print(report, request.verbose(), rendered);
    if (rendered.unrendered) {
      return OptionalInt.empty();
    }
    QuickLine.print(stdout, rendered.lines);
    return OptionalInt.of(report.valid() ? 0 : 1);
  }

  /**
   * Whether picocli would colour its output here ({@link StoredHelp#ansi}); empty when this cannot
   * be told, or when picocli would pick the output's charset by its own rules ({@link
   * #STDOUT_ENCODING} or its stderr twin set, as on Windows consoles).
   */
  static Optional<Boolean> colours(
      Map<String, String> env, Properties properties, boolean console) {
    if (properties.getProperty(STDOUT_ENCODING) != null
        || properties.getProperty("sun.stderr.encoding") != null) {
      return Optional.empty();
    }
    return StoredHelp.ansi(env, properties, console, Runtime.version().feature());
  }

  /**
   * The writer picocli makes for a standard stream when {@link #colours} is not empty: the default
   * charset, buffered.
   */
  static PrintWriter writer(PrintStream stdout) {
    return new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(stdout, Charset.defaultCharset())), false);
  }

  /** Lines rendered into memory; {@code unrendered} when some markup is picocli's to render. */
  private static final class Rendered implements Lines {
    private final boolean ansi;
    private final List<String> lines = new ArrayList<>();
    private boolean unrendered;

    Rendered(boolean ansi) {
      this.ansi = ansi;
    }

    @Override
    public void line(String text) {
      lines.add(text);
    }

    @Override
    public void styled(String markup) {
      Optional<String> text = AnsiMarkup.render(markup, ansi);
      if (text.isPresent()) {
        lines.add(text.get());
      } else {
        unrendered = true;
      }
    }
  }
}
