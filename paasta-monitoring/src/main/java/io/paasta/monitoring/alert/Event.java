package io.paasta.monitoring.alert;

import io.paasta.model.InstanceRef;
import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.CheckStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event as SPEC section 8 defines it, routed by the instance's monitoring config, plus where it
 * came from ({@link #ref}, {@link #kind}, {@link #transition}, {@link #at}) for logs and metrics.
 *
 * @param source {@code paasta-<cluster>}
 * @param realertEvery -1 for exponential backoff, else the number of checks between re-alerts
 * @param ttl how long Sensu may go without hearing of the check before it raises a stale event
 *     (PaaSTA sent none)
 */
public record Event(
    InstanceRef ref,
    CheckKind kind,
    Transition transition,
    Instant at,
    String name,
    CheckStatus status,
    String output,
    String team,
    String runbook,
    String tip,
    boolean page,
    Optional<String> notificationEmail,
    List<String> ircChannels,
    List<String> slackChannels,
    boolean ticket,
    Optional<String> project,
    Duration alertAfter,
    int realertEvery,
    Duration checkEvery,
    String source,
    Optional<Duration> ttl,
    Optional<String> priority,
    List<String> tags) {

  public Event {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(team, "team");
    ircChannels = List.copyOf(ircChannels);
    slackChannels = List.copyOf(slackChannels);
    tags = List.copyOf(tags);
  }
}
