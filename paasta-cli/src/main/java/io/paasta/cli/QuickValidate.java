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
    if (args.length == 0 || !args[0].equals("validate")) {
      return Optional.empty();
    }
    String soaDir = null;
    String service = null;
    boolean verbose = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      String option = arg;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        option = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      switch (option) {
        case "-v", "--verbose" -> {
          if (verbose || value != null) {
            return Optional.empty();
          }
          verbose = true;
          continue;
        }
        case "-y", "--soa-dir", "-s", "--service" -> {
          if (value == null) {
            if (option.length() == 2 && arg.length() != 2 || i + 1 >= args.length) {
              return Optional.empty();
            }
            value = args[++i];
          } else if (option.length() == 2) {
            return Optional.empty();
          }
        }
        default -> {
          return Optional.empty();
        }
      }
      if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
        return Optional.empty();
      }
      if (option.equals("-y") || option.equals("--soa-dir")) {
        if (soaDir != null) {
          return Optional.empty();
        }
        soaDir = value;
      } else {
        if (service != null) {
          return Optional.empty();
        }
        service = value;
      }
    }
    return Optional.of(new Request(soaDir == null ? null : Path.of(soaDir), service, verbose));
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
    Optional<Request> request = parse(args);
    if (request.isEmpty()) {
      return OptionalInt.empty();
    }
    Optional<Boolean> ansi = StoredHelp.ansi(env, properties, console, Runtime.version().feature());
    if (ansi.isEmpty() || properties.getProperty(STDOUT_ENCODING) != null) {
      return OptionalInt.empty();
    }
    ValidationReport report;
    try {
      Path soaDir = request.get().soaDir();
      SoaConfigsLoader loader =
          SoaConfigsLoader.open(soaDir != null ? soaDir : SoaDir.defaultPath());
      report = ValidateLines.report(loader, request.get().service());
    } catch (RuntimeException e) {
      return OptionalInt.empty(); // picocli's error handler says it, as before
    }
    Rendered rendered = new Rendered(ansi.get());
    ValidateLines.print(report, request.get().verbose(), rendered);
    if (rendered.unrendered) {
      return OptionalInt.empty();
    }
    PrintWriter out = writer(stdout);
    String separator = System.lineSeparator();
    StringBuilder text = new StringBuilder();
    for (String line : rendered.lines) {
      text.append(line).append(separator);
    }
    out.print(text);
    out.flush();
    return OptionalInt.of(report.valid() ? 0 : 1);
  }

  /**
   * The writer picocli makes for standard output when {@link #STDOUT_ENCODING} is not set (it is
   * not on Linux; picocli's own rules apply when it is): the default charset, buffered.
   */
  private static PrintWriter writer(PrintStream stdout) {
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
