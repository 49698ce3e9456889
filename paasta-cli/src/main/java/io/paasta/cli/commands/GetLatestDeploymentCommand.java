package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.deploy.git.PaastaTag;
import io.paasta.deploy.git.TagIndex;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paasta get-latest-deployment}: the sha a deploy group runs. */
@Command(
    name = "get-latest-deployment",
    mixinStandardHelpOptions = true,
    description = "Prints the git sha that a deploy group is marked to run.")
public final class GetLatestDeploymentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin GitOptions gitOptions;

  @Mixin ServiceOption service;

  @Mixin JsonOption json;

  @Mixin DeployTargetOptions target;

  @Override
  public Integer call() {
    SoaConfigsLoader loader = soaDir.open();
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
    String url = ServiceRepos.gitUrl(target.gitUrl(), loaded);
    PaastaTag.Deploy latest =
        new TagIndex(gitOptions.client().listTags(url))
            .latestDeploy(target.deployGroup())
            .orElseThrow(
                () ->
                    new UserException(
                        "deploy group "
                            + target.deployGroup()
                            + " of "
                            + loaded.service().name()
                            + " has never been deployed"));
    Output out = new Output(spec.commandLine());
    if (json.enabled()) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("service", loaded.service().name());
      result.put("deploy_group", target.deployGroup());
      result.put("git_sha", latest.sha());
      result.put("tag", latest.name());
      out.json(result);
    } else {
      out.line(latest.sha());
    }
    return 0;
  }
}
