package io.paasta.backend.docker.health;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.model.Healthcheck;
import io.paasta.planning.app.HealthcheckLabel;
import io.paasta.planning.app.Labels;

/** A task's health check, from its {@code paasta_healthcheck} label (none without one). */
final class TaskHealthcheck {
  private TaskHealthcheck() {}

  /**
   * @throws IllegalArgumentException when the label is not a health check
   */
  static Healthcheck of(ManagedContainer task) {
    return task.label(Labels.HEALTHCHECK).map(HealthcheckLabel::parse).orElse(Healthcheck.NONE);
  }
}
