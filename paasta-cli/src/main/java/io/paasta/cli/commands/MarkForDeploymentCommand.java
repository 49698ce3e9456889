package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.deploywait.DeployGroupWait;
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
      "--skip-image-check) a commit whose image the registry lacks.",
      "With --wait-for-deployment, then waits as paasta wait-for-deployment does (exit 1 on"
          + " timeout; with --auto-rollback, the sha the group ran before is marked again)."
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

  @Option(
      names = "--wait-for-deployment",
      description = "After marking, wait until the deploy group's instances run the commit.")
  boolean waitForDeployment;

  @Option(
      names = "--auto-rollback",
      description =
          "With --wait-for-deployment: on timeout, mark the sha the group ran before again.")
  boolean autoRollback;

  @Mixin WaitOptions wait;

  @Mixin ApiOptions api;

  @Override
  public Integer call() {
    if (autoRollback && !waitForDeployment) {
      throw new UserException("--auto-rollback needs --wait-for-deployment");
    }
    SoaConfigsLoader loader = soaDir.open();
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
    String url = ServiceRepos.gitUrl(target.gitUrl(), loaded);
    String sha = ImageTargets.sha(commit);
    Output out = new Output(spec.commandLine());
    DeployMarking.mark(loaded, url, target.deployGroup(), sha, skipImageCheck, gitOptions, out);
    DeployMarking.deployLine(
        loaded,
        target.deployGroup(),
        sha,
        "mark-for-deployment",
        api.systemConfigDir(),
        spec.commandLine().getErr());
    if (!waitForDeployment) {
      return 0;
    }
    DeployGroupWait.Result result =
        DeployWaits.await(
            spec.commandLine(), api, wait, loaded.service(), target.deployGroup(), sha, false);
    return DeployWaits.conclude(
        result,
        () -> {
          if (autoRollback) {
            new AutoRollback(loaded, url, target.deployGroup(), sha, gitOptions, out).run();
          }
        });
  }
}
