package io.paasta.cli;

import picocli.CommandLine;

/** Entry point of the {@code paasta} command. */
public final class PaastaMain {
  private PaastaMain() {}

  public static void main(String[] args) {
    skipGroovyLookup();
    System.exit(run(args));
  }

  /**
   * Tells picocli not to look for Groovy closures: its default factory otherwise asks the class
   * path for {@code groovy.lang.Closure}, which no jar holds, so every jar of the class path is
   * opened and searched before the first command line is built (about 40 ms of every start).
   */
  static void skipGroovyLookup() {
    System.setProperty("picocli.disable.closures", "true");
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
