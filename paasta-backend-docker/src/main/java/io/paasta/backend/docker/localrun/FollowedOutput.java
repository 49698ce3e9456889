package io.paasta.backend.docker.localrun;

import java.time.Duration;

/** A container's output being followed; closing it stops following. */
public interface FollowedOutput extends AutoCloseable {
  /** Waits until the output ended (the container exited), at most {@code timeout}. */
  void awaitEnd(Duration timeout) throws InterruptedException;

  @Override
  void close();
}
