package io.paasta.backend.docker.health;

/** What one health check said. */
public enum ProbeResult {
  PASS,
  FAIL,
  /** The check could not be run for a reason that is not the task's (the engine down): no vote. */
  SKIP
}
