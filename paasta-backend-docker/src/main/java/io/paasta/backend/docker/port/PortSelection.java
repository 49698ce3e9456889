package io.paasta.backend.docker.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Which ports a new task gets: the first {@code count} ports of the range, going round from {@code
 * start}, that no task holds and that are free. Going round (instead of always from the bottom)
 * keeps a port that a task just gave up from being handed out again at once. Pure apart from the
 * {@code free} probe it is given.
 *
 * @param ports the ports chosen; fewer than asked when the range ran out
 * @param heldByTasks ports of the range passed over because tasks hold them
 * @param busy ports of the range passed over because something else listens on them
 */
public record PortSelection(List<Integer> ports, int heldByTasks, int busy) {
  public PortSelection {
    ports = List.copyOf(ports);
  }

  public static PortSelection choose(
      PortRange range, int start, int count, Set<Integer> taken, IntPredicate free) {
    List<Integer> chosen = new ArrayList<>();
    int held = 0;
    int busy = 0;
    int first = range.contains(start) ? start : range.first();
    for (int i = 0; i < range.size() && chosen.size() < count; i++) {
      int port = range.first() + Math.floorMod(first - range.first() + i, range.size());
      if (taken.contains(port)) {
        held++;
      } else if (!free.test(port)) {
        busy++;
      } else {
        chosen.add(port);
      }
    }
    return new PortSelection(chosen, held, busy);
  }
}
