package io.paasta.monitoring;

import io.paasta.model.InstanceRef;
import io.paasta.monitoring.alert.AlertState;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The table an {@link AlertJournal} keeps (instance, check name, state), in memory; each change
 * says whether it changed anything, so that a journal writes only then. Not thread-safe: the
 * journal that owns it synchronizes.
 */
public final class SavedAlerts {
  private final Map<InstanceRef, Map<String, AlertState>> states = new HashMap<>();

  public SavedAlerts(Map<InstanceRef, Map<String, AlertState>> initial) {
    initial.forEach((ref, checks) -> states.put(ref, new HashMap<>(checks)));
  }

  /** A copy, for {@link AlertJournal#load}. */
  public Map<InstanceRef, Map<String, AlertState>> copy() {
    Map<InstanceRef, Map<String, AlertState>> copy = new HashMap<>();
    states.forEach((ref, checks) -> copy.put(ref, Map.copyOf(checks)));
    return copy;
  }

  public boolean save(InstanceRef ref, String check, AlertState state) {
    return !Objects.equals(
        states.computeIfAbsent(ref, k -> new HashMap<>()).put(check, state), state);
  }

  public boolean clear(InstanceRef ref, String check) {
    Map<String, AlertState> checks = states.get(ref);
    if (checks == null || checks.remove(check) == null) {
      return false;
    }
    if (checks.isEmpty()) {
      states.remove(ref);
    }
    return true;
  }

  public boolean forget(InstanceRef ref) {
    return states.remove(ref) != null;
  }
}
