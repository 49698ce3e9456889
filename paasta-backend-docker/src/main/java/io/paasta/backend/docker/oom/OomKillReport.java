package io.paasta.backend.docker.oom;

import java.util.OptionalLong;

/**
 * A new OOM kill as the daemon's log tells it, with the container's memory limit in bytes (0 when
 * it has none; empty when the container was already gone).
 */
public record OomKillReport(OomKill kill, OptionalLong memoryLimitBytes) {
  private static final long MIB = 1024L * 1024;

  /**
   * E.g. {@code the OOM killer killed a process of hello.main in norcal (container
   * hello.main.git1234-abcd (0123456789ab), mem limit 16 MiB) at 2026-01-01T00:00:00Z}.
   */
  public String describe() {
    return "the OOM killer killed a process of "
        + kill.ref()
        + " (container "
        + kill.containerName()
        + " ("
        + kill.shortId()
        + "), "
        + limit()
        + ") at "
        + kill.at()
        + (kill.source() == OomKill.Source.EXIT ? ", found when the container had exited" : "")
        + ": raise the instance's mem or lower its memory use";
  }

  private String limit() {
    if (memoryLimitBytes.isEmpty()) {
      return "mem limit unknown (the container is gone)";
    }
    if (memoryLimitBytes.getAsLong() <= 0) {
      return "no mem limit";
    }
    long bytes = memoryLimitBytes.getAsLong();
    return bytes % MIB == 0 ? "mem limit " + bytes / MIB + " MiB" : "mem limit " + bytes + " bytes";
  }
}
