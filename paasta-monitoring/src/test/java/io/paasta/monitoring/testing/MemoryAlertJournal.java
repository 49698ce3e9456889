package io.paasta.monitoring.testing;

import io.paasta.model.InstanceRef;
import io.paasta.monitoring.AlertJournal;
import io.paasta.monitoring.SavedAlerts;
import io.paasta.monitoring.alert.AlertState;
import java.util.Map;

/** A journal in memory that outlives the runners given it (a daemon restart), counting writes. */
public final class MemoryAlertJournal implements AlertJournal {
  private final SavedAlerts states = new SavedAlerts(Map.of());
  private int writes;

  @Override
  public synchronized Map<InstanceRef, Map<String, AlertState>> load() {
    return states.copy();
  }

  @Override
  public synchronized void save(InstanceRef ref, String check, AlertState state) {
    writes++;
    states.save(ref, check, state);
  }

  @Override
  public synchronized void clear(InstanceRef ref, String check) {
    writes++;
    states.clear(ref, check);
  }

  @Override
  public synchronized void forget(InstanceRef ref) {
    writes++;
    states.forget(ref);
  }

  /** How many times the runner wrote to the journal. */
  public synchronized int writes() {
    return writes;
  }
}
