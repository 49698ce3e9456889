package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.deploy.DeployException;
import io.paasta.deploy.git.DeploymentsGenerator;
import io.paasta.deploy.git.DeploymentsWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta generate-deployments}: git tags into deployments.json. */
@Command(
    name = "generate-deployments",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the deploy and control tags of a service's repository (service.yaml git_url) and",
      "writes <soa-dir>/<service>/deployments.json, atomically and only when it changes."
    })
public final class GenerateDeploymentsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin GitOptions gitOptions;

  @Option(
      names = {"-s", "--service"},
      paramLabel = "SERVICE",
      description = "The service (default: guessed from the current directory).")
  String service;

  @Option(names = "--all", description = "Every service of the soa-configs.")
  boolean all;

  @Override
  public Integer call() {
    SoaConfigsLoader loader = soaDir.open();
    if (all && service != null) {
      throw new UserException("give either -s SERVICE or --all, not both");
    }
    List<String> services =
        all
            ? loader.listServices().services()
            : List.of(SoaDirOption.serviceOrGuess(service, loader));
    DeploymentsGenerator generator =
        new DeploymentsGenerator(gitOptions.client(), new DeploymentsWriter());
    Output out = new Output(spec.commandLine());
    int failures = 0;
    for (String name : services) {
      try {
        DeploymentsGenerator.Result result =
            generator.generate(loader.load(name), loader.soaDir().serviceDir(name));
        String what =
            result.outcome() == DeploymentsWriter.Outcome.WRITTEN
                ? "@|green wrote|@"
                : "unchanged:";
        out.styled(
            what
                + " "
                + name
                + "/"
                + DeploymentsWriter.FILE_NAME
                + " ("
                + result.file().v2().deployments().size()
                + " deploy groups, "
                + result.file().v1().size()
                + " instances deployed)");
      } catch (DeployException e) {
        if (!all) {
          throw e;
        }
        failures++; // one broken service does not stop the others
        out.styled("@|red " + Output.escape(name + ": " + e.getMessage()) + "|@");
      }
    }
    return failures == 0 ? 0 : 1;
  }
}
