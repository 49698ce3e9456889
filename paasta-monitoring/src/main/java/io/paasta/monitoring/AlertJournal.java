package io.paasta.monitoring;

import io.paasta.model.InstanceRef;
import io.paasta.monitoring.alert.AlertState;
import java.util.Map;

/**
 * Where the alert state of the checks outlives the daemon (DESIGN.md habit 2), so that after a
 * restart an alert sent before it is resolved when its check is OK, and a failure that goes on
 * keeps its failing-since and its alert instead of waiting {@code alert_after} and alerting again.
 * The runner reads it once at start and writes only when a check's state changes in a way a restart
 * must know (a failure starts, an alert is sent, a failure ends, an instance is forgotten), never
 * on every evaluation. A check the journal does not hold is OK and not alerted. Implementations are
 * thread-safe and never throw: a journal that cannot be written logs it and the daemon goes on.
 */
public interface AlertJournal {
  /** The saved state of every check of every instance (check name to state). */
  Map<InstanceRef, Map<String, AlertState>> load();

  /** Keeps the state of a failing or alerted check. */
  void save(InstanceRef ref, String check, AlertState state);

  /** The check is OK and not alerted: nothing to keep. */
  void clear(InstanceRef ref, String check);

  /** The instance is no longer monitored. */
  void forget(InstanceRef ref);

  /** Nothing kept: the alert state lives in memory only (tests, {@code paasta plan}). */
  AlertJournal NONE =
      new AlertJournal() {
        @Override
        public Map<InstanceRef, Map<String, AlertState>> load() {
          return Map.of();
        }

        @Override
        public void save(InstanceRef ref, String check, AlertState state) {}

        @Override
        public void clear(InstanceRef ref, String check) {}

        @Override
        public void forget(InstanceRef ref) {}

        @Override
        public String toString() {
          return "AlertJournal.NONE";
        }
      };
}
