package io.paasta.config.soa;

import io.paasta.config.problem.KeyPath;
import io.paasta.config.problem.Problem;
import io.paasta.config.problem.Problems;
import io.paasta.model.DeployConfig;
import io.paasta.model.PipelineStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns deploy.yaml into its domain record. */
public final class DeployConfigBuilder {
  private DeployConfigBuilder() {}

  public static DeployConfig build(Map<?, ?> dict, FieldLocator locator, Problems problems) {
    FieldReader fields = new FieldReader(dict, "", List.of(), locator, problems);
    return new DeployConfig(
        steps(fields, "pipeline", List.of("pipeline"), locator, problems),
        fields.stringList("slack_channels"),
        fields.string("production_deploy_group"),
        fields.stringList("allowed_push_groups"));
  }

  private static List<PipelineStep> steps(
      FieldReader fields, String key, List<Object> path, FieldLocator locator, Problems problems) {
    List<PipelineStep> steps = new ArrayList<>();
    List<Map<?, ?>> dicts = fields.dictList(key);
    for (int i = 0; i < dicts.size(); i++) {
      List<Object> stepPath = new ArrayList<>(path);
      stepPath.add(i);
      FieldReader step =
          new FieldReader(
              dicts.get(i), KeyPath.subject(path) + "[" + i + "]", stepPath, locator, problems);
      String name = step.string("step", "");
      if (name.isEmpty()) {
        step.problem(
            "step", "is missing", Problem.NO_VALUE, "the name of a build step or deploy group");
        continue;
      }
      List<Object> parallelPath = new ArrayList<>(stepPath);
      parallelPath.add("parallel");
      steps.add(
          new PipelineStep(
              name,
              step.bool("trigger_next_step_manually", false),
              steps(step, "parallel", parallelPath, locator, problems),
              step.string("command"),
              step.bool("disabled", false)));
    }
    return steps;
  }
}
