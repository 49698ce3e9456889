package io.paasta.monitoring.alert;

import io.paasta.monitoring.check.CheckStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one check of one instance stands after its last evaluation.
 *
 * @param statusSince since when the check has had its status
 * @param failingSince the first failing evaluation of the current failure
 * @param attempts failing evaluations counted since the failure was first alerted (1 = the first
 *     alert); 0 until it is alerted
 * @param alerted whether this failure has been alerted (so that OK resolves it)
 */
public record AlertState(
    CheckStatus status,
    String output,
    Instant statusSince,
    Instant lastEvaluated,
    Optional<Instant> failingSince,
    int attempts,
    boolean alerted) {
  public AlertState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(statusSince, "statusSince");
    Objects.requireNonNull(lastEvaluated, "lastEvaluated");
    Objects.requireNonNull(failingSince, "failingSince");
  }
}
