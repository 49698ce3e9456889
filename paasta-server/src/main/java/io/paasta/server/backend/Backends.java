package io.paasta.server.backend;

import io.paasta.backend.docker.port.PortRange;
import java.util.List;

/** The backends a daemon can run its cluster on, by the name {@code --backend} gives. */
public final class Backends {
  /** The local Docker engine. */
  public static final String LOCAL = "local";

  /** Every name {@link #named} knows, for help texts and errors. */
  public static final List<String> NAMES = List.of(LOCAL);

  private Backends() {}

  /**
   * @param portRange the host ports tasks get as PORT0..., {@code FIRST-LAST} (the {@code local}
   *     backend's)
   * @throws IllegalArgumentException naming the value (and the known backends) when unknown or
   *     malformed
   */
  public static BackendFactory named(String name, String portRange) {
    if (LOCAL.equals(name)) {
      try {
        return new LocalBackendFactory(PortRange.parse(portRange));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--port-range " + portRange + ": " + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException(
        "--backend "
            + name
            + ": no such backend; known: "
            + String.join(", ", NAMES)
            + " (local: the Docker engine of this host)");
  }
}
