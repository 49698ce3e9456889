package io.paasta.server.metastatus;

import io.paasta.planning.capacity.Resources;
import java.util.List;

/** The hosts a backend runs tasks on, and what each offers. */
public interface HostCapacity {
  List<Host> hosts();

  /**
   * @param pool the pool its tasks are placed in
   * @param total its CPUs, memory (MB) and disk (MB)
   */
  record Host(String hostname, String pool, Resources total) {}
}
