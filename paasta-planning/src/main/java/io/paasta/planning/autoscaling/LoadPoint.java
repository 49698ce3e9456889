package io.paasta.planning.autoscaling;

import java.time.Instant;

/** One entry of an instance's load history: {@code (utilization - offset) * healthy tasks}. */
public record LoadPoint(Instant at, double load) {}
