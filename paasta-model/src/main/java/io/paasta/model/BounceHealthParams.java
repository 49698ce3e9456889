package io.paasta.model;

import java.time.Duration;
import java.util.Optional;

/** What makes a new task count as happy during a bounce. */
public record BounceHealthParams(boolean checkHaproxy, Optional<Duration> minTaskUptime) {}
