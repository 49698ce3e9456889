package io.paasta.backend.docker.oom;

import io.paasta.model.InstanceRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The recent OOM kills of each instance, in memory: kills older than {@code retention} are
 * forgotten, and an instance keeps at most {@code maxPerInstance} (the oldest go first), so memory
 * stays bounded however often a task is killed. Thread-safe.
 *
 * <p>The same kill may be heard of twice: the engine replays {@code oom} events when the stream is
 * subscribed again (the same container and time: counted once), and an exited container that was
 * OOM-killed is seen on every pass (its {@link OomKill.Source#EXIT} stands for the events of that
 * container: counted only when no event of the container is known, and replaced by the event when
 * the event comes later). The kernel's OOM killer may fire twice within milliseconds while a
 * container is over its limit (seen here: two {@code oom} events 3 ms apart for one allocation):
 * events of one container less than {@link #EPISODE} apart are one kill.
 */
public final class OomKillHistory {
  private static final Comparator<OomKill> BY_TIME =
      Comparator.comparing(OomKill::at).thenComparing(OomKill::containerId);

  /** Events of one container closer than this are one OOM episode. */
  static final Duration EPISODE = Duration.ofSeconds(1);

  private final Clock clock;
  private final Duration retention;
  private final int maxPerInstance;
  private final Map<InstanceRef, List<OomKill>> kills = new HashMap<>();

  public OomKillHistory(Clock clock, Duration retention, int maxPerInstance) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive: " + retention);
    }
    if (maxPerInstance < 1) {
      throw new IllegalArgumentException("maxPerInstance must be at least 1: " + maxPerInstance);
    }
    this.clock = clock;
    this.retention = retention;
    this.maxPerInstance = maxPerInstance;
  }

  /**
   * Records a kill.
   *
   * @return whether it is a kill not known before (to be reported); false for a repeat, a kill
   *     older than the retention, or one that would be dropped at once as the oldest of a full
   *     instance
   */
  public synchronized boolean add(OomKill kill) {
    Instant cutoff = clock.instant().minus(retention);
    pruneAll(cutoff);
    if (kill.at().isBefore(cutoff)) {
      return false;
    }
    List<OomKill> known = kills.computeIfAbsent(kill.ref(), r -> new ArrayList<>());
    boolean isNew =
        kill.source() == OomKill.Source.EVENT ? addEvent(known, kill) : addExit(known, kill);
    if (!isNew) {
      return false;
    }
    known.sort(BY_TIME);
    while (known.size() > maxPerInstance) {
      if (known.remove(0) == kill) {
        return false;
      }
    }
    return true;
  }

  /** When the instance's tasks were OOM-killed within the retention, oldest first. */
  public synchronized List<Instant> times(InstanceRef ref) {
    List<OomKill> known = kills.get(ref);
    if (known == null) {
      return List.of();
    }
    prune(known, clock.instant().minus(retention));
    if (known.isEmpty()) {
      kills.remove(ref);
    }
    return known.stream().map(OomKill::at).toList();
  }

  /** How many kills are held over every instance (for tests of the bounds). */
  public synchronized int size() {
    return kills.values().stream().mapToInt(List::size).sum();
  }

  private static boolean addEvent(List<OomKill> known, OomKill kill) {
    for (int i = 0; i < known.size(); i++) {
      OomKill other = known.get(i);
      if (!other.containerId().equals(kill.containerId())) {
        continue;
      }
      if (other.source() == OomKill.Source.EVENT
          && Duration.between(other.at(), kill.at()).abs().compareTo(EPISODE) < 0) {
        return false; // replayed, or the same episode: the killer fired again within it
      }
      if (other.source() == OomKill.Source.EXIT) {
        known.set(i, kill); // the exit stood for this event: the same kill, now with its time
        return false;
      }
    }
    known.add(kill);
    return true;
  }

  private static boolean addExit(List<OomKill> known, OomKill kill) {
    for (OomKill other : known) {
      if (other.containerId().equals(kill.containerId())) {
        return false;
      }
    }
    known.add(kill);
    return true;
  }

  private void pruneAll(Instant cutoff) {
    Iterator<List<OomKill>> it = kills.values().iterator();
    while (it.hasNext()) {
      List<OomKill> known = it.next();
      prune(known, cutoff);
      if (known.isEmpty()) {
        it.remove();
      }
    }
  }

  private static void prune(List<OomKill> known, Instant cutoff) {
    known.removeIf(k -> k.at().isBefore(cutoff));
  }
}
