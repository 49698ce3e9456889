package io.paasta.cli;

import picocli.CommandLine;

/** Entry point of the {@code paasta} command. */
public final class PaastaMain {
  private PaastaMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests: no System.exit). */
  public static int run(String... args) {
    return newCommandLine(args).execute(args);
  }

  /** The command line for these arguments: only the command they name is built in full. */
  public static CommandLine newCommandLine(String... args) {
    return CommandRegistry.standard().commandLineFor(args);
  }

  /** The command line with every command built in full. */
  public static CommandLine fullCommandLine() {
    return CommandRegistry.standard().fullCommandLine();
  }
}
