package io.paasta.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** One run of the daemon's command line, with its exit code and what it printed. */
public record ServerRun(int exit, String out, String err) {
  /** The example soa-configs and system config, relative to the module directory. */
  public static final Path EXAMPLES = Path.of("../examples/soa-configs");

  public static final String SYSTEM = "../examples/etc_paasta";

  public static ServerRun run(String... args) {
    CommandLine cmd = ServerMain.commandLine();
    cmd.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.OFF));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit = cmd.execute(args);
    return new ServerRun(exit, out.toString(), err.toString());
  }
}
