package io.paasta.deploy.pipeline;

import io.paasta.model.PipelineStep;

/**
 * What each kind of pipeline step does, for one service at one sha. {@link PipelineRunner} calls
 * these in plan order; the steps of a parallel group are called from several threads at once, so an
 * implementation must be safe for that. A method reports a failure by returning {@link
 * StepResult#failed}; an exception it throws fails the step with the exception's message.
 */
public interface PipelineActions {
  /** {@code itest}: the service's integration tests against its image. */
  StepResult itest();

  /** {@code push-to-registry}: the image into the registry. */
  StepResult pushToRegistry();

  /** {@code security-check}: {@code make security-check} when the service repository has it. */
  StepResult securityCheck();

  /** {@code performance-check}: {@code make performance-check} when the repository has it. */
  StepResult performanceCheck();

  /** A {@code command-*} step: its {@code command} by a shell, else {@code make <name>}. */
  StepResult command(PipelineStep step);

  /** Any other step: mark the sha for deployment to that deploy group. */
  StepResult markForDeployment(String deployGroup);
}
