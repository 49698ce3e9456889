package io.paasta.deploy.pipeline;

/**
 * What {@link PipelineRunner} does after a deploy step has marked its deploy group: wait until the
 * group's instances run the new sha. A failed result fails the step (and stops the pipeline); it is
 * called from several threads at once when deploy steps run in a parallel group.
 */
@FunctionalInterface
public interface DeployStepWaiter {
  /** Waits for nothing: the deploy step ends once the deploy is marked. */
  DeployStepWaiter NONE = deployGroup -> StepResult.ok();

  StepResult awaitDeployment(String deployGroup);
}
