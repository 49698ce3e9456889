package io.paasta.backend.docker.health;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import io.paasta.planning.app.HealthcheckLabel;
import io.paasta.planning.app.Labels;
import java.util.Optional;

/** A task's health check, from its {@code paasta_healthcheck} label (none without one). */
final class TaskHealthcheck {
  private static final Healthcheck NONE =
      new Healthcheck(
          HealthcheckMode.NONE,
          Healthcheck.DEFAULT_URI,
          Optional.empty(),
          Healthcheck.DEFAULT_GRACE_PERIOD_SECONDS,
          Healthcheck.DEFAULT_INTERVAL_SECONDS,
          Healthcheck.DEFAULT_TIMEOUT_SECONDS,
          Healthcheck.DEFAULT_MAX_CONSECUTIVE_FAILURES);

  private TaskHealthcheck() {}

  /**
   * @throws IllegalArgumentException when the label is not a health check
   */
  static Healthcheck of(ManagedContainer task) {
    return task.label(Labels.HEALTHCHECK).map(HealthcheckLabel::parse).orElse(NONE);
  }
}
