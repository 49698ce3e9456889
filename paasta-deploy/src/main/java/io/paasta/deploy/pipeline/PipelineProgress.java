package io.paasta.deploy.pipeline;

import java.time.Duration;

/**
 * Hears how a pipeline run goes, step by step. Steps are numbered 1..total in plan order; steps of
 * a parallel group report from their own threads.
 */
public interface PipelineProgress {
  void starting(int number, int total, String step);

  void finished(int number, int total, String step, StepResult result, Duration took);

  /** A step or group of the plan that does not run at all (disabled). */
  void notRun(String step, String reason);
}
