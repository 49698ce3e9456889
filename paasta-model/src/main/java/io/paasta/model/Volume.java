package io.paasta.model;

import java.util.Objects;

/** A host path mounted into a container. */
public record Volume(String containerPath, String hostPath, Mode mode) {
  public Volume {
    Objects.requireNonNull(containerPath, "containerPath");
    Objects.requireNonNull(hostPath, "hostPath");
    Objects.requireNonNull(mode, "mode");
  }

  /** Read-only or read-write, written {@code RO}/{@code RW}. */
  public enum Mode {
    RO,
    RW
  }
}
