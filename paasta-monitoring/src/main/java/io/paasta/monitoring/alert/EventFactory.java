package io.paasta.monitoring.alert;

import io.paasta.model.InstanceRef;
import io.paasta.model.MonitoringConfig;
import io.paasta.monitoring.check.CheckResult;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds events from check results and the monitoring config (already resolved with SPEC's
 * precedence). No {@code team}, no event.
 */
public final class EventFactory {
  /** PaaSTA's text when monitoring.yaml has no runbook. */
  public static final String DEFAULT_RUNBOOK =
      "Please set a `runbook` field in your monitoring.yaml. Docs:"
          + " https://paasta.readthedocs.io/en/latest/monitoring.html";

  /** PaaSTA's text when monitoring.yaml has no tip. */
  public static final String DEFAULT_TIP =
      "Please set a `tip` field in your monitoring.yaml. Docs:"
          + " https://paasta.readthedocs.io/en/latest/monitoring.html";

  private final String source;

  /** Events of this cluster carry {@code source: paasta-<cluster>}. */
  public EventFactory(String cluster) {
    this.source = "paasta-" + cluster;
  }

  public Optional<Event> build(
      InstanceRef ref,
      MonitoringConfig monitoring,
      AlertPolicy policy,
      CheckResult result,
      Transition transition,
      Instant at) {
    if (monitoring.team().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Event(
            ref,
            result.kind(),
            transition,
            at,
            result.name(),
            result.status(),
            result.output(),
            monitoring.team().get(),
            monitoring.runbook().orElse(DEFAULT_RUNBOOK),
            monitoring.tip().orElse(DEFAULT_TIP),
            monitoring.page(),
            monitoring.notificationEmail(),
            monitoring.ircChannels(),
            monitoring.slackChannels(),
            monitoring.ticket(),
            monitoring.project(),
            policy.alertAfter(),
            policy.realert().wireValue(),
            policy.checkEvery(),
            source,
            Optional.empty(),
            monitoring.priority(),
            monitoring.tags()));
  }

  public String source() {
    return source;
  }
}
