package io.paasta.monitoring.check;

import java.time.Duration;

/**
 * The limits the checks apply.
 *
 * @param minTaskUptime a task counts toward replication once up this long (PaaSTA: one minute)
 * @param deployStuckAfter a bounce still in progress after this long is stuck
 * @param crashLoopWindow exits counted by the crash-loop check are those within this window
 * @param crashLoopExits this many exits within the window is a crash loop
 * @param oomWindow an OOM kill within this window keeps the OOM check CRITICAL
 */
public record CheckSettings(
    Duration minTaskUptime,
    Duration deployStuckAfter,
    Duration crashLoopWindow,
    int crashLoopExits,
    Duration oomWindow) {

  public static final CheckSettings DEFAULTS =
      new CheckSettings(
          Duration.ofMinutes(1),
          Duration.ofMinutes(10),
          Duration.ofMinutes(10),
          3,
          Duration.ofMinutes(10));
}
