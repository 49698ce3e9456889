package io.paasta.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** One run of the {@code paasta} command line, with its exit code and what it printed. */
public record CliRun(int exit, String out, String err) {
  /** The example soa-configs tree, relative to the module directory (where Maven runs tests). */
  public static final Path EXAMPLES = Path.of("../examples/soa-configs");

  public static CliRun run(String... args) {
    return runOn(PaastaMain.newCommandLine(args), args);
  }

  /** Runs the arguments on this command line, without colours, collecting what it prints. */
  public static CliRun runOn(CommandLine cmd, String... args) {
    return runOn(cmd, Ansi.OFF, args);
  }

  /** Runs the arguments on this command line, as on a terminal (ON) or piped (OFF). */
  public static CliRun runOn(CommandLine cmd, Ansi ansi, String... args) {
    cmd.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  public List<String> outLines() {
    return out.lines().toList();
  }

  /** Both streams, for checks that nothing anywhere looks like a crash. */
  public String all() {
    return out + err;
  }
}
