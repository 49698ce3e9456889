package io.paasta.cli.commands;

import static io.paasta.cli.commands.PipelineCli.EXAMPLES;
import static io.paasta.cli.commands.PipelineCli.run;
import static io.paasta.cli.commands.PipelineCli.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.cli.CliRun;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.deploy.pipeline.JenkinsfileGenerator;
import io.paasta.model.Service;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** {@code paasta generate-pipeline} over the examples, and bad input. */
class GeneratePipelineCommandTest {
  private static final String SOA = EXAMPLES.toString();

  @TempDir Path tmp;

  @Test
  void printsTheJenkinsfileOfTheService() {
    CliRun r = run("generate-pipeline", "-s", "greeter-api", "-y", SOA);

    Service greeter = SoaConfigsLoader.open(EXAMPLES).load("greeter-api").service();
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .isEqualTo(
            JenkinsfileGenerator.generate(
                "greeter-api", greeter.config().gitUrl(), greeter.deploy().orElseThrow()))
        .contains(
            "sh 'paasta mark-for-deployment -u file:///srv/git/greeter-api.git -s greeter-api -l"
                + " prod.canary -c ${GIT_COMMIT}'")
        .contains("input message:");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void printsAGithubActionsWorkflowThatParses() {
    CliRun r = run("generate-pipeline", "-s", "batch-reports", "-y", SOA, "--github-actions");

    assertThat(r.exit()).as(r.all()).isZero();
    Map<String, Object> workflow = new Yaml(new SafeConstructor(new LoaderOptions())).load(r.out());
    assertThat(workflow.get("jobs"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsOnlyKeys(
            "itest",
            "push-to-registry",
            "local_everything",
            "confirm_prod_everything",
            "prod_everything");
  }

  @Test
  void aServiceWithoutDeployYamlIsRefused() throws IOException {
    write(tmp.resolve("svc/service.yaml"), "git_url: file:///srv/git/svc.git\n");

    CliRun r = run("generate-pipeline", "-s", "svc", "-y", tmp.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: svc has no deploy.yaml");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aServiceWithoutGitUrlIsRefused() throws IOException {
    write(tmp.resolve("svc/service.yaml"), "description: no repository\n");
    write(tmp.resolve("svc/deploy.yaml"), "pipeline:\n  - step: itest\n  - step: local.main\n");

    CliRun r = run("generate-pipeline", "-s", "svc", "-y", tmp.toString(), "--github-actions");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: svc/service.yaml has no git_url - mark-for-deployment needs the service's"
                + " repository: set git_url");
  }

  @Test
  void anUnknownServiceIsRefused() {
    CliRun r = run("generate-pipeline", "-s", "nope", "-y", SOA);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains("nope");
  }
}
