package io.paasta.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paasta pipeline}: the deploy pipeline of deploy.yaml. */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = "Runs the deploy pipeline of a service's deploy.yaml on this machine.",
    subcommands = {PipelineRunCommand.class})
public final class PipelineCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
