package io.paasta.server.backend;

import io.paasta.model.SystemConfig;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.backend.BackendPorts;

/**
 * Starts the backend a daemon runs its cluster's tasks on. The wiring asks it once, after the parts
 * the backend calls out to exist (SmartStack's drain, the log for OOM kills), and closes the
 * backend when the daemon stops.
 */
@FunctionalInterface
public interface BackendFactory {
  /**
   * @throws io.paasta.planning.backend.BackendException when the engine cannot be reached
   */
  Backend start(SystemConfig system, BackendPorts ports);
}
