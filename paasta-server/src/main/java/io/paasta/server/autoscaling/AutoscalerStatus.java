package io.paasta.server.autoscaling;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The autoscaler's last word on an instance, as {@code paasta status -v} shows it.
 *
 * @param provider the metrics provider ({@code cpu}, {@code http}, {@code uwsgi})
 * @param policy the decision policy
 * @param outcome {@code SCALE}, {@code STAY} or {@code NONE}
 * @param message the decision as logged ({@code Scaling from 2 to 3 instances (...)})
 */
public record AutoscalerStatus(
    Instant decidedAt,
    String provider,
    String policy,
    String outcome,
    int current,
    int desired,
    OptionalDouble utilization,
    double setpoint,
    String message) {}
