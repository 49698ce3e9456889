package io.paasta.deploy.pipeline;

import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.DeployConfig;
import io.paasta.model.PipelineStep;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Pipelines for tests, written short. */
final class Steps {
  /** The example soa-configs tree, relative to the module directory (where Maven runs tests). */
  static final Path EXAMPLES = Path.of("../examples/soa-configs");

  private Steps() {}

  static PipelineStep step(String name) {
    return new PipelineStep(name, false, List.of(), Optional.empty(), false);
  }

  static PipelineStep manual(String name) {
    return new PipelineStep(name, true, List.of(), Optional.empty(), false);
  }

  static PipelineStep disabled(String name) {
    return new PipelineStep(name, false, List.of(), Optional.empty(), true);
  }

  static PipelineStep disabledManual(String name) {
    return new PipelineStep(name, true, List.of(), Optional.empty(), true);
  }

  static PipelineStep command(String name, String command) {
    return new PipelineStep(name, false, List.of(), Optional.of(command), false);
  }

  static PipelineStep disabledCommand(String name, String command) {
    return new PipelineStep(name, false, List.of(), Optional.of(command), true);
  }

  static PipelineStep group(String name, PipelineStep... steps) {
    return new PipelineStep(name, false, List.of(steps), Optional.empty(), false);
  }

  static PipelineStep manualGroup(String name, PipelineStep... steps) {
    return new PipelineStep(name, true, List.of(steps), Optional.empty(), false);
  }

  static PipelineStep disabledGroup(String name, PipelineStep... steps) {
    return new PipelineStep(name, false, List.of(steps), Optional.empty(), true);
  }

  static DeployConfig pipeline(PipelineStep... steps) {
    return new DeployConfig(List.of(steps), List.of(), Optional.empty(), List.of());
  }

  /**
   * Every kind of step: checks, commands with quotes and several lines, a disabled step, a parallel
   * group with a manual and a disabled step.
   */
  static DeployConfig everyKindOfStep() {
    return pipeline(
        step("itest"),
        step("security-check"),
        command("command-lint", "make lint && echo 'it''s fine' \\\n  | tee lint.log"),
        command("command-multi", "set -e\necho one\n\necho \"two\"\n"),
        step("command-docs"),
        disabled("push-to-registry"),
        group("canaries", step("canary.east"), manual("canary.west"), disabled("canary.old")),
        step("prod"));
  }

  /** deploy.yaml of an example service. */
  static DeployConfig example(String service) {
    return SoaConfigsLoader.open(EXAMPLES).load(service).service().deploy().orElseThrow();
  }
}
