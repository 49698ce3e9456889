package io.paasta.monitoring;

import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.CheckStatus;
import java.time.Instant;

/**
 * The current state of one check of one instance, for {@code paasta status -v} and the API: its
 * latest result (the checks are evaluated after every pass of the instance), while alerts follow
 * {@code check_every}, {@code alert_after} and {@code realert_every}.
 *
 * @param since since when the check has had this status
 * @param lastEvaluated when the result was computed
 * @param alerted whether a failure has been alerted and not resolved yet (the next evaluation due
 *     that finds the check OK resolves it)
 */
public record CheckState(
    String name,
    CheckKind kind,
    CheckStatus status,
    String output,
    Instant since,
    Instant lastEvaluated,
    boolean alerted) {}
