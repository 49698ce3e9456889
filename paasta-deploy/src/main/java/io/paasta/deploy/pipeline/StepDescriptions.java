package io.paasta.deploy.pipeline;

import io.paasta.model.PipelineStep;

/** What a step does, in words, for a printed plan. */
final class StepDescriptions {
  private StepDescriptions() {}

  static String of(PipelineStep step) {
    return switch (StepKind.of(step)) {
      case ITEST -> "paasta itest: make itest in the service repository";
      case PUSH_TO_REGISTRY -> "paasta push-to-registry: push the image to the registry";
      case SECURITY_CHECK, PERFORMANCE_CHECK ->
          "make " + step.step() + " in the service repository (skipped without that target)";
      case COMMAND ->
          step.command()
                  .map(command -> "sh -c " + ShellWords.quote(command))
                  .orElse("make " + StepKind.makeTarget(step))
              + " in the service repository";
      case DEPLOY_GROUP -> "paasta mark-for-deployment: deploy group " + step.step();
    };
  }
}
