package io.paasta.server.status;

import io.paasta.model.InstanceRef;
import java.time.Instant;
import java.util.Optional;

/**
 * What the daemon last knew of an instance: its last pass's summary and error, for logs, status and
 * the API.
 */
public record InstanceStatus(
    InstanceRef ref,
    Instant lastPass,
    String summary,
    boolean steady,
    Optional<String> appId,
    Optional<String> error) {}
