package io.paasta.backend.docker.drain;

import java.time.Duration;
import java.util.Optional;

/** A task's drain method with its parameters ({@link DrainLabels} reads them from its labels). */
public sealed interface DrainSettings {
  /** Never draining, always safe to kill. */
  record Noop(String method) implements DrainSettings {}

  /** Safe to kill {@code delay} after the drain call. */
  record Test(Duration delay) implements DrainSettings {}

  /**
   * Taken out of service discovery (deregistered, drained in HAProxy), then safe to kill once it
   * has been out for {@code delay} (SPEC section 5: 60 s by default).
   */
  record Hacheck(Duration delay) implements DrainSettings {
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(60);
  }

  /** Calls the task's drain URL, then polls its is_safe_to_kill URL. */
  record Http(
      UrlSpec drain,
      UrlSpec isSafeToKill,
      Optional<UrlSpec> stopDraining,
      Optional<UrlSpec> isDraining)
      implements DrainSettings {}
}
