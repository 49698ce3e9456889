package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.deploy.git.PaastaTag;
import io.paasta.deploy.git.TagIndex;
import io.paasta.deploy.git.TagTimestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta rollback}: deploy a sha the deploy group ran before. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Without -k, lists the shas a deploy group has run, newest first.",
      "With -k SHA, marks that earlier sha for deployment again."
    })
public final class RollbackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin GitOptions gitOptions;

  @Mixin ServiceOption service;

  @Mixin JsonOption json;

  @Mixin DeployTargetOptions target;

  @Option(
      names = {"-k", "--commit"},
      paramLabel = "SHA",
      description = "The earlier sha to deploy again.")
  String commit;

  @Option(
      names = "--skip-image-check",
      description = "Do not require the image to be in the registry.")
  boolean skipImageCheck;

  @Override
  public Integer call() {
    SoaConfigsLoader loader = soaDir.open();
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
    ServiceRepos.requireDeployGroup(loaded, target.deployGroup());
    String url = ServiceRepos.gitUrl(target.gitUrl(), loaded);
    List<PaastaTag.Deploy> history =
        new TagIndex(gitOptions.client().listTags(url)).deployHistory(target.deployGroup());
    Output out = new Output(spec.commandLine());
    if (commit == null) {
      list(history, out);
      return 0;
    }
    String sha = ImageTargets.sha(commit);
    if (history.stream().noneMatch(d -> d.sha().equals(sha))) {
      throw new UserException(
          sha
              + " was never deployed to "
              + target.deployGroup()
              + " - run paasta rollback -s "
              + loaded.service().name()
              + " -l "
              + target.deployGroup()
              + " to list the shas it ran");
    }
    if (history.get(0).sha().equals(sha)) {
      out.line(target.deployGroup() + " already runs " + sha + "; nothing to do");
      return 0;
    }
    DeployMarking.mark(loaded, url, target.deployGroup(), sha, skipImageCheck, gitOptions, out);
    DeployMarking.deployLine(
        loaded,
        target.deployGroup(),
        sha,
        "rollback",
        io.paasta.config.system.SystemConfigLoader.defaultDir(),
        spec.commandLine().getErr());
    return 0;
  }

  private void list(List<PaastaTag.Deploy> history, Output out) {
    if (json.enabled()) {
      out.json(
          history.stream()
              .map(
                  d -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("git_sha", d.sha());
                    entry.put(
                        "deployed_at",
                        TagTimestamp.parse(d.timestamp()).map(Object::toString).orElse(null));
                    entry.put("current", d == history.get(0));
                    return entry;
                  })
              .toList());
      return;
    }
    if (history.isEmpty()) {
      out.line(target.deployGroup() + " has never been deployed");
      return;
    }
    out.line(
        "Shas deployed to " + target.deployGroup() + ", newest first (roll back with -k SHA):");
    for (PaastaTag.Deploy deploy : history) {
      String when =
          TagTimestamp.parse(deploy.timestamp()).map(Object::toString).orElse(deploy.timestamp());
      out.styled(
          "  "
              + deploy.sha()
              + "  "
              + when
              + (deploy == history.get(0) ? "  @|green (current)|@" : ""));
    }
  }
}
