package io.paasta.cli;

import io.paasta.cli.commands.CheckCommand;
import io.paasta.cli.commands.CompletionCommand;
import io.paasta.cli.commands.CookImageCommand;
import io.paasta.cli.commands.GenerateDeploymentsCommand;
import io.paasta.cli.commands.GeneratePipelineCommand;
import io.paasta.cli.commands.GetLatestDeploymentCommand;
import io.paasta.cli.commands.InfoCommand;
import io.paasta.cli.commands.InstanceStateCommands;
import io.paasta.cli.commands.ItestCommand;
import io.paasta.cli.commands.ListClustersCommand;
import io.paasta.cli.commands.ListCommand;
import io.paasta.cli.commands.LocalRunCommand;
import io.paasta.cli.commands.MarkForDeploymentCommand;
import io.paasta.cli.commands.PipelineCommand;
import io.paasta.cli.commands.PlanCommand;
import io.paasta.cli.commands.PushToRegistryCommand;
import io.paasta.cli.commands.RollbackCommand;
import io.paasta.cli.commands.ServerCommand;
import io.paasta.cli.commands.StatusCommand;
import io.paasta.cli.commands.SystemConfigCommand;
import io.paasta.cli.commands.ValidateCommand;
import io.paasta.cli.commands.WaitForDeploymentCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paasta}: build, deploy, connect and monitor services from soa-configs. */
@Command(
    name = "paasta",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Build, deploy, connect and monitor services from soa-configs (PaaSTA for the JVM).",
    subcommands = {
      ValidateCommand.class,
      ListCommand.class,
      ListClustersCommand.class,
      SystemConfigCommand.class,
      InfoCommand.class,
      StatusCommand.class,
      CookImageCommand.class,
      ItestCommand.class,
      PushToRegistryCommand.class,
      MarkForDeploymentCommand.class,
      WaitForDeploymentCommand.class,
      InstanceStateCommands.Start.class,
      InstanceStateCommands.Stop.class,
      InstanceStateCommands.Restart.class,
      RollbackCommand.class,
      GetLatestDeploymentCommand.class,
      GenerateDeploymentsCommand.class,
      ServerCommand.class,
      PlanCommand.class,
      PipelineCommand.class,
      GeneratePipelineCommand.class,
      LocalRunCommand.class,
      CheckCommand.class,
      CompletionCommand.class
    })
public final class PaastaCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
