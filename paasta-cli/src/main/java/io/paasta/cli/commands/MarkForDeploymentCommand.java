package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta mark-for-deployment}: a deploy tag on a sha for a deploy group. */
@Command(
    name = "mark-for-deployment",
    mixinStandardHelpOptions = true,
    description = {
      "Marks a commit to be deployed to a deploy group: creates the tag",
      "paasta-<deploy_group>-<timestamp>-deploy on it in the service's repository.",
      "Refuses a commit the repository lacks, a deploy group deploy.yaml lacks, and (unless",
      "--skip-image-check) a commit whose image the registry lacks."
    })
public final class MarkForDeploymentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin GitOptions gitOptions;

  @Mixin ServiceOption service;

  @Mixin DeployTargetOptions target;

  @Option(
      names = {"-c", "--commit"},
      paramLabel = "SHA",
      required = true,
      description = "The full git sha to deploy.")
  String commit;

  @Option(
      names = "--skip-image-check",
      description = "Do not require the image to be in the registry.")
  boolean skipImageCheck;

  @Override
  public Integer call() {
    SoaConfigsLoader loader = soaDir.open();
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
    DeployMarking.mark(
        loaded,
        ServiceRepos.gitUrl(target.gitUrl(), loaded),
        target.deployGroup(),
        ImageTargets.sha(commit),
        skipImageCheck,
        gitOptions,
        new Output(spec.commandLine()));
    return 0;
  }
}
