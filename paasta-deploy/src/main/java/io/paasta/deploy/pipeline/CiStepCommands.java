package io.paasta.deploy.pipeline;

import io.paasta.deploy.DeployException;
import io.paasta.model.PipelineStep;
import java.util.List;
import java.util.Optional;

/**
 * The shell command a CI system runs for each step of a service's pipeline, with the commit as the
 * CI system names it ({@code ${GIT_COMMIT}} in Jenkins, {@code ${{ github.sha }}} in GitHub
 * Actions). The commands do what {@code paasta pipeline run} does for the step. Pure.
 */
final class CiStepCommands {
  private final String service;
  private final Optional<String> gitUrl;
  private final String commit;

  /**
   * @param commit how the CI system spells the commit being built; inserted as is (not quoted)
   */
  CiStepCommands(String service, Optional<String> gitUrl, String commit) {
    this.service = service;
    this.gitUrl = gitUrl;
    this.commit = commit;
  }

  String of(PipelineStep step) {
    return switch (StepKind.of(step)) {
      case ITEST -> paasta("itest", "-s", service) + " -c " + commit;
      case PUSH_TO_REGISTRY -> paasta("push-to-registry", "-s", service) + " -c " + commit;
      case SECURITY_CHECK, PERFORMANCE_CHECK -> makeIfTarget(step.step());
      case COMMAND ->
          step.command()
              .orElseGet(() -> ShellWords.join(List.of("make", StepKind.makeTarget(step))));
      case DEPLOY_GROUP ->
          paasta("mark-for-deployment", "-u", gitUrl(), "-s", service, "-l", step.step())
              + " -c "
              + commit;
    };
  }

  /** Whether the step works in a checkout of the service repository. */
  static boolean needsCheckout(PipelineStep step) {
    return StepKind.of(step) != StepKind.DEPLOY_GROUP;
  }

  private static String makeIfTarget(String target) {
    String quoted = ShellWords.quote(target);
    return "if make -n "
        + quoted
        + " >/dev/null 2>&1; then make "
        + quoted
        + "; else echo 'no "
        + target.replace("'", "")
        + " target in the Makefile: skipped'; fi";
  }

  private static String paasta(String... words) {
    return "paasta " + ShellWords.join(List.of(words));
  }

  private String gitUrl() {
    return gitUrl.orElseThrow(
        () ->
            new DeployException(
                service
                    + "/service.yaml has no git_url - mark-for-deployment needs the service's"
                    + " repository: set git_url"));
  }
}
