package io.paasta.bench.smartstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Tasks announcing themselves: each benchmark task creates a file named after its port (PORT0) in a
 * host directory mounted into it, before its HTTP server starts. So the driver learns a new task's
 * port without asking the daemon, and can poll that port before the task answers. Files are removed
 * once read (a port used again later announces again).
 */
final class Announcements {
  private final Path dir;

  Announcements(Path dir) {
    this.dir = dir;
  }

  /** Forgets earlier announcements. */
  void clear() {
    take();
  }

  /**
   * Waits for {@code count} new tasks.
   *
   * @throws IllegalStateException when fewer announced themselves within {@code timeout}
   */
  List<Integer> await(int count, Duration timeout) {
    List<Integer> ports = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ports.size() < count) {
      ports.addAll(take());
      if (ports.size() >= count) {
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + ports.size() + " of " + count + " new task(s) started within " + timeout);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return ports;
  }

  private List<Integer> take() {
    List<Integer> ports = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.matches("[0-9]{1,5}")) {
          ports.add(Integer.parseInt(name));
        }
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the announcement directory " + dir, e);
    }
    return ports;
  }
}
