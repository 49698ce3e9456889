package io.paasta.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** deploy.yaml: the pipeline and who may push. */
public record DeployConfig(
    List<PipelineStep> pipeline,
    List<String> slackChannels,
    Optional<String> productionDeployGroup,
    List<String> allowedPushGroups) {

  public DeployConfig {
    pipeline = List.copyOf(pipeline);
    slackChannels = List.copyOf(slackChannels);
    allowedPushGroups = List.copyOf(allowedPushGroups);
  }

  /** Every deploy group named by the pipeline, parallel steps included, in pipeline order. */
  public List<String> deployGroups() {
    List<String> groups = new ArrayList<>();
    collectDeployGroups(pipeline, groups);
    return List.copyOf(groups);
  }

  private static void collectDeployGroups(List<PipelineStep> steps, List<String> into) {
    for (PipelineStep step : steps) {
      if (step.parallel().isEmpty()) {
        if (step.isDeployGroup()) {
          into.add(step.step());
        }
      } else {
        collectDeployGroups(step.parallel(), into);
      }
    }
  }
}
