package io.paasta.server.cli;

import io.paasta.config.ConfigException;
import io.paasta.server.api.ApiRoutes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The daemon's own program: {@code paasta server} and {@code paasta plan}, which {@code bin/paasta}
 * hands to it ({@code java -jar paasta-server.jar server ...}). Same options, output, exit codes
 * and error lines as the rest of {@code paasta}: a failure is one {@code error: ...} line on stderr
 * and exit code 1.
 */
@Command(
    name = "paasta",
    mixinStandardHelpOptions = true,
    versionProvider = ServerMain.Version.class,
    description = "The control-plane daemon of this host's cluster (PaaSTA for the JVM).",
    subcommands = {ServerCommand.class, PlanCommand.class})
public final class ServerMain implements Runnable {
  static final int EXIT_FAILURE = 1;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests: no System.exit). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The command line of {@code server} and {@code plan}. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new ServerMain());
    commandLine.setExecutionExceptionHandler(ServerMain::failed);
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** One clear line on stderr; a stack trace only for bugs, and only with PAASTA_DEBUG set. */
  private static int failed(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    String prefix = commandLine.getColorScheme().errorText("error: ").toString();
    if (exception instanceof ConfigException || exception instanceof StartFailure) {
      commandLine.getErr().println(prefix + exception.getMessage());
    } else {
      commandLine
          .getErr()
          .println(
              prefix
                  + "unexpected "
                  + exception.getClass().getSimpleName()
                  + ": "
                  + exception.getMessage()
                  + " (set PAASTA_DEBUG=1 for details; please report this)");
      if (System.getenv("PAASTA_DEBUG") != null) {
        exception.printStackTrace(commandLine.getErr());
      }
    }
    return EXIT_FAILURE;
  }

  /** {@code paasta server -V}: the version as {@code paasta -V} and {@code /v1/version} say it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "paasta " + ApiRoutes.projectVersion() + " (PaaSTA for the JVM)",
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")"
      };
    }
  }

  /** A mistake in how the daemon was called, or why it cannot start, in one line. */
  static final class StartFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartFailure(String message) {
      super(message);
    }
  }
}
