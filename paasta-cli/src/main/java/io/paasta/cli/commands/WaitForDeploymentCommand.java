package io.paasta.cli.commands;

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

/** {@code paasta wait-for-deployment}: until a deploy group's instances run a commit. */
@Command(
    name = "wait-for-deployment",
    mixinStandardHelpOptions = true,
    description = {
      "Waits until every long-running instance of the deploy group, in every cluster with an API"
          + " (api_endpoints of the system config), runs the commit: its deploy group is at the"
          + " commit, the old version is gone, and as many new tasks are healthy as expected"
          + " (a stopped instance counts as done). Shows each instance's progress.",
      "Exits 1 when the timeout passes first, naming the instances that lag; with"
          + " --auto-rollback, first marks the sha the deploy group ran before."
    })
public final class WaitForDeploymentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin GitOptions gitOptions;

  @Mixin ServiceOption service;

  @Mixin DeployTargetOptions target;

  @Mixin ApiOptions api;

  @Mixin WaitOptions wait;

  @Option(
      names = {"-c", "--commit"},
      paramLabel = "SHA",
      required = true,
      description = "The full git sha that was marked for deployment.")
  String commit;

  @Option(
      names = "--auto-rollback",
      description = "On timeout, mark the sha the deploy group ran before for deployment again.")
  boolean autoRollback;

  @Override
  public Integer call() {
    SoaConfigsLoader loader = soaDir.open();
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
    String sha = ImageTargets.sha(commit);
    ServiceRepos.requireDeployGroup(loaded, target.deployGroup());
    // the repository is needed only to roll back; a missing git_url is better known now
    String url = autoRollback ? ServiceRepos.gitUrl(target.gitUrl(), loaded) : null;
    DeployGroupWait.Result result =
        DeployWaits.await(
            spec.commandLine(), api, wait, loaded.service(), target.deployGroup(), sha, false);
    return DeployWaits.conclude(
        result,
        () -> {
          if (autoRollback) {
            new AutoRollback(
                    loaded,
                    url,
                    target.deployGroup(),
                    sha,
                    gitOptions,
                    new Output(spec.commandLine()))
                .run();
          }
        });
  }
}
