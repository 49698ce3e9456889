package io.paasta.monitoring.testing;

import io.paasta.model.InstanceRef;
import io.paasta.monitoring.AlertJournal;
import io.paasta.monitoring.alert.AlertState;
import java.util.HashMap;
import java.util.Map;

/** A journal in memory that outlives the runners given it (a daemon restart), counting writes. */
public final class MemoryAlertJournal implements AlertJournal {
  private final Map<InstanceRef, Map<String, AlertState>> states = new HashMap<>();
  private int writes;

  @Override
  public synchronized Map<InstanceRef, Map<String, AlertState>> load() {
    Map<InstanceRef, Map<String, AlertState>> copy = new HashMap<>();
    states.forEach((ref, checks) -> copy.put(ref, Map.copyOf(checks)));
    return copy;
  }

  @Override
  public synchronized void save(InstanceRef ref, String check, AlertState state) {
    writes++;
    states.computeIfAbsent(ref, k -> new HashMap<>()).put(check, state);
  }

  @Override
  public synchronized void clear(InstanceRef ref, String check) {
    writes++;
    states.computeIfPresent(
        ref,
        (key, checks) -> {
          checks.remove(check);
          return checks.isEmpty() ? null : checks;
        });
  }

  @Override
  public synchronized void forget(InstanceRef ref) {
    writes++;
    states.remove(ref);
  }

  public synchronized int writes() {
    return writes;
  }
}
