package io.paasta.deploy.pipeline;

import io.paasta.model.PipelineStep;
import java.util.List;

/** One top-level entry of a {@link PipelinePlan}: a step, a parallel group, or a skipped step. */
public sealed interface PlanEntry {

  /** The name of the deploy.yaml step this entry stands for (a group's own name for a group). */
  String name();

  /** The steps this entry runs: none for a skipped step. */
  List<PipelineStep> steps();

  /** Runs one step. */
  record RunStep(PipelineStep step) implements PlanEntry {
    @Override
    public String name() {
      return step.step();
    }

    @Override
    public List<PipelineStep> steps() {
      return List.of(step);
    }
  }

  /**
   * Runs the steps of a {@code parallel:} group at the same time; the pipeline goes on when all of
   * them are done.
   *
   * @param disabled the names of the group's disabled steps, which do not run
   */
  record RunParallel(String name, List<PipelineStep> steps, List<String> disabled)
      implements PlanEntry {
    public RunParallel {
      steps = List.copyOf(steps);
      disabled = List.copyOf(disabled);
    }
  }

  /** A step (or whole group) that does not run, and why. */
  record Skip(String name, String reason) implements PlanEntry {
    @Override
    public List<PipelineStep> steps() {
      return List.of();
    }
  }
}
