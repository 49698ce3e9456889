package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code paasta server} and {@code paasta plan} as the CLI lists them: the daemon is a program of
 * its own (paasta-server's {@code ServerMain}), to which {@code bin/paasta} hands these verbs. The
 * CLI knows the daemon only through its HTTP API; run directly with these verbs, it says where the
 * daemon is.
 */
public final class DaemonCommands {
  private DaemonCommands() {}

  private static final String FOOTER =
      "%nThe daemon's own program runs this command, with its options:"
          + " bin/paasta hands it over (java -jar paasta-server/target/paasta-server.jar).";

  /** {@code paasta server}: listed here, run by the daemon's own program. */
  @Command(
      name = "server",
      mixinStandardHelpOptions = true,
      footer = FOOTER,
      description =
          "Runs the control-plane daemon of this host's cluster (the system config's `cluster`).")
  public static final class Server implements Callable<Integer> {
    @Unmatched List<String> args;

    @Override
    public Integer call() {
      throw elsewhere("server");
    }
  }

  /** {@code paasta plan}: listed here, run by the daemon's own program. */
  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      footer = FOOTER,
      description =
          "Prints, for each instance, the plan the daemon's next pass would execute (same as paasta server --dry-run).")
  public static final class Plan implements Callable<Integer> {
    @Unmatched List<String> args;

    @Override
    public Integer call() {
      throw elsewhere("plan");
    }
  }

  private static UserException elsewhere(String verb) {
    return new UserException(
        "paasta "
            + verb
            + " is the daemon's own program: run `bin/paasta "
            + verb
            + " ...` (or `java -jar paasta-server/target/paasta-server.jar "
            + verb
            + " ...`)");
  }
}
