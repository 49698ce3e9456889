package io.paasta.backend.docker.testing;

import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.BackendPorts;
import io.paasta.planning.backend.DiscoveryDrain;
import java.util.List;
import java.util.Optional;

/** An OOM kill as a backend reported it through its {@code OomKillSink} port. */
public record OomReport(InstanceRef ref, String description) {
  /** Ports whose OOM-kill sink adds each report to {@code into} (no service discovery). */
  public static BackendPorts collectingInto(List<OomReport> into) {
    return new BackendPorts(
        DiscoveryDrain.NONE,
        Optional.of((ref, description) -> into.add(new OomReport(ref, description))));
  }
}
