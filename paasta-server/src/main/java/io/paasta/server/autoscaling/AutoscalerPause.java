package io.paasta.server.autoscaling;

import java.time.Instant;
import java.util.Optional;

/** The cluster-wide pause of the autoscaler: until when it must not change any count. */
public interface AutoscalerPause {
  /** The end of the pause as stored (it may be in the past); empty when not paused. */
  Optional<Instant> pausedUntil();

  /**
   * @throws AutoscalerStoreException when it cannot be stored
   */
  void pauseUntil(Instant until);

  /**
   * @throws AutoscalerStoreException when it cannot be stored
   */
  void resume();
}
