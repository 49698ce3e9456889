package io.paasta.backend.docker.port;

import io.paasta.planning.backend.BackendException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Hands out host ports for new tasks from a range: ports that no task holds (their {@code
 * paasta_port0}/{@code paasta_ports} labels, which the caller reads from the engine) and that are
 * free on 127.0.0.1. A port handed out is reserved until its container carries the label (or for
 * {@link #DEFAULT_RESERVATION} at most), so that tasks started at the same time by different
 * instances never share one.
 */
public final class PortAllocator {
  /** Long enough for a container to be created with the port's label. */
  public static final Duration DEFAULT_RESERVATION = Duration.ofMinutes(2);

  private final PortRange range;
  private final IntPredicate free;
  private final Clock clock;
  private final Duration reservation;
  private final Map<Integer, Instant> reserved = new HashMap<>();
  private int next;

  public PortAllocator(PortRange range, IntPredicate free, Clock clock, Duration reservation) {
    this.range = range;
    this.free = free;
    this.clock = clock;
    this.reservation = reservation;
    this.next = range.first();
  }

  /** Ports of {@code range} probed on 127.0.0.1, reserved for {@link #DEFAULT_RESERVATION}. */
  public PortAllocator(PortRange range, Clock clock) {
    this(range, new LoopbackPortProbe(), clock, DEFAULT_RESERVATION);
  }

  public PortRange range() {
    return range;
  }

  /**
   * {@code count} ports for one task.
   *
   * @param heldByTasks the ports that tasks on the engine hold now
   * @throws BackendException when the range has fewer free ports
   */
  public synchronized List<Integer> allocate(int count, Set<Integer> heldByTasks) {
    Instant now = clock.instant();
    // a port whose container carries its label is held by the label from now on
    reserved.keySet().removeAll(heldByTasks);
    reserved.values().removeIf(until -> !until.isAfter(now));
    Set<Integer> taken = new HashSet<>(heldByTasks);
    taken.addAll(reserved.keySet());
    PortSelection selection = PortSelection.choose(range, next, count, taken, free);
    if (selection.ports().size() < count) {
      throw new BackendException(
          "no free port in "
              + range
              + " ("
              + selection.heldByTasks()
              + " held by tasks, "
              + selection.busy()
              + " in use by other programs; "
              + count
              + " needed) - stop tasks you no longer need or widen the port range");
    }
    for (int port : selection.ports()) {
      reserved.put(port, now.plus(reservation));
    }
    int last = selection.ports().get(selection.ports().size() - 1);
    next = last == range.last() ? range.first() : last + 1;
    return selection.ports();
  }

  /** Gives ports back at once (their task was never created). */
  public synchronized void release(Collection<Integer> ports) {
    ports.forEach(reserved::remove);
  }
}
