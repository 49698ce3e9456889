package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.api.ApiEndpoints;
import io.paasta.cli.api.InstanceTarget;
import io.paasta.cli.deploywait.DeployGroupWait;
import io.paasta.config.ConfigException;
import io.paasta.deploy.pipeline.DeployStepWaiter;
import io.paasta.deploy.pipeline.PipelinePlan;
import io.paasta.deploy.pipeline.StepKind;
import io.paasta.deploy.pipeline.StepResult;
import io.paasta.model.PipelineStep;
import io.paasta.model.Service;
import java.util.List;
import picocli.CommandLine;

/**
 * The deploy waits of {@code paasta pipeline run}: refused before anything runs when a deploy step
 * could not be waited for (no usable system config, or no API for any cluster of its group), then
 * one wait per deploy step, printed as lines.
 */
final class PipelineDeployWaits {
  private static final String HINT =
      " - pipeline run waits for each deploy through the clusters' APIs; pass"
          + " --no-wait-for-deployment not to wait";

  private PipelineDeployWaits() {}

  static DeployStepWaiter prepare(
      CommandLine commandLine,
      ApiOptions api,
      WaitOptions wait,
      Service service,
      PipelinePlan plan,
      String sha) {
    for (String deployGroup : deployGroups(plan)) {
      List<InstanceTarget> targets = InstanceTargets.ofDeployGroup(service, deployGroup);
      if (!targets.isEmpty()) {
        refuseWithoutApi(api, deployGroup, targets);
      }
    }
    return deployGroup -> {
      DeployGroupWait.Result result =
          DeployWaits.await(commandLine, api, wait, service, deployGroup, sha, true);
      return result.ok() ? StepResult.ok() : StepResult.failed(result.summary());
    };
  }

  private static List<String> deployGroups(PipelinePlan plan) {
    return plan.entries().stream()
        .flatMap(entry -> entry.steps().stream())
        .filter(step -> StepKind.of(step) == StepKind.DEPLOY_GROUP)
        .map(PipelineStep::step)
        .toList();
  }

  private static void refuseWithoutApi(
      ApiOptions api, String deployGroup, List<InstanceTarget> targets) {
    ApiEndpoints endpoints;
    try {
      endpoints = api.endpoints();
    } catch (ConfigException e) {
      throw new UserException(e.getMessage() + HINT);
    }
    if (targets.stream().noneMatch(t -> endpoints.has(t.cluster()))) {
      throw new UserException(
          "deploy group "
              + deployGroup
              + " has instances only in clusters that have no entry in api_endpoints of "
              + api.systemConfigDir()
              + ": "
              + String.join(", ", targets.stream().map(InstanceTarget::cluster).distinct().toList())
              + HINT);
    }
  }
}
