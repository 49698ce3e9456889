package io.paasta.deploy.pipeline;

import io.paasta.model.PipelineStep;

/** What a pipeline step does, decided by its name (SPEC section 1, deploy.yaml). */
public enum StepKind {
  ITEST("itest"),
  PUSH_TO_REGISTRY("push-to-registry"),
  SECURITY_CHECK("security-check"),
  PERFORMANCE_CHECK("performance-check"),
  /** {@code command-*}: its {@code command} run by a shell, else {@code make <name>}. */
  COMMAND("command-"),
  /** Any other name: mark the sha for deployment to that deploy group. */
  DEPLOY_GROUP("");

  private final String name;

  StepKind(String name) {
    this.name = name;
  }

  public static StepKind of(PipelineStep step) {
    return of(step.step());
  }

  public static StepKind of(String stepName) {
    for (StepKind kind : values()) {
      if (kind != COMMAND && kind != DEPLOY_GROUP && kind.name.equals(stepName)) {
        return kind;
      }
    }
    return stepName.startsWith(COMMAND.name) ? COMMAND : DEPLOY_GROUP;
  }

  /** The make target of a {@code command-*} step without a command: its name without the prefix. */
  public static String makeTarget(PipelineStep step) {
    return step.step().substring(COMMAND.name.length());
  }
}
