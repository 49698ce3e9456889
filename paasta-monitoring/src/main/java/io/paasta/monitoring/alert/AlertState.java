package io.paasta.monitoring.alert;

import io.paasta.monitoring.check.CheckStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one check of one instance stands after its last evaluation (every evaluation steps it).
 *
 * @param statusSince since when the check has had its status
 * @param failingSince the first failing evaluation of the current failure (an OK evaluation ends
 *     it)
 * @param attempts failing evaluations counted since the failure was first alerted (1 = the first
 *     alert); 0 until it is alerted
 * @param alerted whether this failure has been alerted (so that OK resolves it)
 * @param countedAt the last evaluation that counted toward {@code check_every} (re-alerts and
 *     resolves come at most once per check_every)
 * @param countedStatus the status at {@code countedAt}
 * @param lastSent when the check last sent an event
 */
public record AlertState(
    CheckStatus status,
    String output,
    Instant statusSince,
    Instant lastEvaluated,
    Optional<Instant> failingSince,
    int attempts,
    boolean alerted,
    Instant countedAt,
    CheckStatus countedStatus,
    Optional<Instant> lastSent) {
  public AlertState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(statusSince, "statusSince");
    Objects.requireNonNull(lastEvaluated, "lastEvaluated");
    Objects.requireNonNull(failingSince, "failingSince");
    Objects.requireNonNull(countedAt, "countedAt");
    Objects.requireNonNull(countedStatus, "countedStatus");
    Objects.requireNonNull(lastSent, "lastSent");
  }
}
