package io.paasta.deploy.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * How a pipeline run ended.
 *
 * @param steps every step that ran, in the order they finished
 * @param resumeFrom the step to run the pipeline again from: the step after a manual pause, or the
 *     step (or parallel group) that failed
 * @param summary one line for a person: what happened
 */
public record PipelineResult(
    Outcome outcome, List<StepReport> steps, Optional<String> resumeFrom, String summary) {

  /** The three ways a run ends. */
  public enum Outcome {
    /** Every planned step ran (or was skipped) and none failed; nothing is left. */
    COMPLETED,
    /** Every planned step went well; the next step waits for a person. */
    PAUSED,
    /** A step failed; the steps after it did not run. */
    FAILED
  }

  public PipelineResult {
    steps = List.copyOf(steps);
  }

  public long count(StepResult.Status status) {
    return steps.stream().filter(s -> s.result().status() == status).count();
  }
}
