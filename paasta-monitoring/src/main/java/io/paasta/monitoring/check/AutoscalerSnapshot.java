package io.paasta.monitoring.check;

import java.util.OptionalDouble;

/**
 * What the autoscaler knows of an instance, for {@code check_autoscaler_max_instances}.
 *
 * @param current the count the autoscaler keeps
 * @param utilization the last measured utilization; empty before any measure
 */
public record AutoscalerSnapshot(
    int current, int max, OptionalDouble utilization, double setpoint) {}
