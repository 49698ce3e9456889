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
    return newCommandLine().execute(args);
  }

  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new PaastaCommand());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
