package io.paasta.server.desired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the files of a service are complete enough to be read: a file written in place counts once
 * it has been unchanged for the settle time, so a partial write (a {@code cp} that truncated the
 * file and has not written it yet) never counts; a file renamed into place (as the daemon writes
 * deployments.json, and as editors and git write files) counts at once. Decides from the changes
 * seen by the watcher and the files' modification times, with the time given: no I/O, no clock.
 */
public final class FileSettle {
  /** About as long as a slow write of a small file takes; short enough not to delay deploys. */
  public static final Duration DEFAULT_SETTLE = Duration.ofMillis(250);

  /** What the watcher saw happen to a file. */
  public enum Change {
    /** Written in place (or its attributes changed): counts once unchanged for the settle time. */
    WRITTEN,
    /** Renamed (or created) into place: complete at once, if it is not empty. */
    PLACED,
    /** Gone. */
    REMOVED
  }

  /** A file of a service folder as listed now. */
  public record FileState(String name, Instant modified, long size) {}

  private record Seen(Change change, Instant at) {}

  private final Duration settle;
  private final Map<String, Map<String, Seen>> seen = new ConcurrentHashMap<>();

  public FileSettle(Duration settle) {
    this.settle = settle;
  }

  public Duration settle() {
    return settle;
  }

  /** Records a change of {@code file} of {@code service} seen at {@code at}. */
  public void changed(String service, String file, Change change, Instant at) {
    seen.computeIfAbsent(service, s -> new ConcurrentHashMap<>()).put(file, new Seen(change, at));
  }

  /**
   * Empty when every file of {@code service} counts now; else when to look again. A file counts
   * when it was placed (renamed into place, not empty) after it was last modified, or when neither
   * a write seen nor its modification time is within the settle time. A modification time in the
   * future (a clock set back, {@code touch -d}) is not waited for.
   */
  public Optional<Instant> readyAt(String service, List<FileState> files, Instant now) {
    Map<String, Seen> ofService = seen.getOrDefault(service, Map.of());
    Instant ready = null;
    for (FileState file : files) {
      Seen last = ofService.get(file.name());
      if (last != null
          && last.change() == Change.PLACED
          && file.size() > 0
          && !file.modified().isAfter(last.at())) {
        continue;
      }
      Instant changed = file.modified().isAfter(now.plus(settle)) ? Instant.MIN : file.modified();
      if (last != null && last.change() == Change.WRITTEN && last.at().isAfter(changed)) {
        changed = last.at();
      }
      Instant counts = changed == Instant.MIN ? Instant.MIN : changed.plus(settle);
      if (counts.isAfter(now) && (ready == null || counts.isAfter(ready))) {
        ready = counts;
      }
    }
    prune(service, now);
    return Optional.ofNullable(ready);
  }

  /** Forgets changes old enough to matter no more. */
  private void prune(String service, Instant now) {
    Map<String, Seen> ofService = seen.get(service);
    if (ofService != null) {
      Instant old = now.minus(settle.multipliedBy(20));
      ofService.values().removeIf(s -> s.at().isBefore(old));
    }
  }
}
