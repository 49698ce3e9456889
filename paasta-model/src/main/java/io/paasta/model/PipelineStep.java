package io.paasta.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One step of deploy.yaml's pipeline: a build step or a deploy group.
 *
 * @param command what a {@code command-*} step runs (a shell command), if given
 * @param disabled a disabled step is skipped
 */
public record PipelineStep(
    String step,
    boolean triggerNextStepManually,
    List<PipelineStep> parallel,
    Optional<String> command,
    boolean disabled) {

  private static final Set<String> BUILD_STEPS =
      Set.of("itest", "security-check", "performance-check", "push-to-registry");

  public PipelineStep {
    parallel = List.copyOf(parallel);
  }

  /** Build steps are the fixed names and {@code command-*}; every other name is a deploy group. */
  public boolean isBuildStep() {
    return BUILD_STEPS.contains(step) || step.startsWith("command-");
  }

  /** A {@code command-*} step. */
  public boolean isCommandStep() {
    return step.startsWith("command-");
  }

  public boolean isDeployGroup() {
    return !isBuildStep();
  }
}
