package io.paasta.cli.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paasta plan}: {@code paasta server --dry-run} under a shorter name. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Prints, for each instance, the plan the daemon's next pass would execute (same as paasta server --dry-run).")
public final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin SoaDirOption soaDir;

  @picocli.CommandLine.Option(
      names = "--system-config-dir",
      paramLabel = "DIR",
      description = "The system config (default: $PAASTA_SYSTEM_CONFIG_DIR, else /etc/paasta).")
  java.nio.file.Path systemConfigDir;

  @Override
  public Integer call() throws Exception {
    ServerCommand server = new ServerCommand();
    server.spec = spec;
    server.soaDir = soaDir;
    server.systemConfigDir = systemConfigDir;
    server.dryRun = true;
    return server.call();
  }
}
