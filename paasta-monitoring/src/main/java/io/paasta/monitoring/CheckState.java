package io.paasta.monitoring;

import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.CheckStatus;
import java.time.Instant;

/**
 * The current state of one check of one instance, for {@code paasta status -v} and the API.
 *
 * @param since since when the check has had this status
 * @param alerted whether the current failure has been alerted (an OK will resolve it)
 */
public record CheckState(
    String name,
    CheckKind kind,
    CheckStatus status,
    String output,
    Instant since,
    Instant lastEvaluated,
    boolean alerted) {}
