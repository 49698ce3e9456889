package io.paasta.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code paasta}: build, deploy, connect and monitor services from soa-configs. Its commands come
 * from a {@link CommandRegistry}.
 */
@Command(
    name = "paasta",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Build, deploy, connect and monitor services from soa-configs (PaaSTA for the JVM).")
public final class PaastaCommand implements Runnable {
  @Spec CommandSpec spec;

  private final CommandRegistry commands;

  public PaastaCommand(CommandRegistry commands) {
    this.commands = commands;
  }

  /** A new command line for these arguments, as {@code paasta} would build it to run them. */
  public CommandLine commandLineFor(String... args) {
    return commands.commandLineFor(args);
  }

  /** Every command complete, with its options (what a completion script is made from). */
  public CommandLine fullCommandLine() {
    return commands.fullCommandLine();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
