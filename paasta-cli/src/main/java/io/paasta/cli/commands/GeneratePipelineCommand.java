package io.paasta.cli.commands;

import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.deploy.pipeline.GithubActionsGenerator;
import io.paasta.deploy.pipeline.JenkinsfileGenerator;
import io.paasta.model.DeployConfig;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta generate-pipeline}: deploy.yaml as a CI pipeline. */
@Command(
    name = "generate-pipeline",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a Jenkinsfile (declarative pipeline) equivalent to the service's deploy.yaml: a"
          + " stage per step running the matching paasta command on ${GIT_COMMIT}, and an input"
          + " step where a step triggers the next one manually.",
      "With --github-actions, prints a GitHub Actions workflow instead: a job per step chained"
          + " with needs:, the manual pause as a job in an environment with required reviewers."
    })
public final class GeneratePipelineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin ServiceOption service;

  @Option(names = "--github-actions", description = "Print a GitHub Actions workflow.")
  boolean githubActions;

  @Override
  public Integer call() {
    SoaConfigsLoader loader = soaDir.open();
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
    DeployConfig deploy = PipelineInputs.deployConfig(loaded);
    String name = loaded.service().name();
    Optional<String> gitUrl = loaded.service().config().gitUrl();
    String text =
        githubActions
            ? GithubActionsGenerator.generate(name, gitUrl, deploy)
            : JenkinsfileGenerator.generate(name, gitUrl, deploy);
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
    return 0;
  }
}
