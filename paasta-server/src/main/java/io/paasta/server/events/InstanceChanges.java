package io.paasta.server.events;

import io.paasta.model.InstanceRef;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.server.loop.PassParticipant;
import io.paasta.server.loop.PassResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the {@link ChangeFeed} of an instance whose pass saw something a reader would see differ:
 * its tasks (state, health, drain, exit), the pass's summary or error, its desired app. A pass that
 * changes nothing (the periodic full pass of a steady cluster) tells nothing.
 */
public final class InstanceChanges implements PassParticipant {
  private final ChangeFeed feed;
  private final Map<InstanceRef, Integer> seen = new ConcurrentHashMap<>();

  public InstanceChanges(ChangeFeed feed) {
    this.feed = feed;
  }

  @Override
  public void passed(PassResult result) {
    int fingerprint = fingerprint(result);
    Integer before = seen.put(result.ref(), fingerprint);
    if (result.config().isEmpty() && result.observed().tasks().isEmpty()) {
      seen.remove(result.ref()); // gone for good
    }
    if (before == null || before != fingerprint) {
      feed.instanceChanged(result.ref());
    }
  }

  /** A tasks' change the engine reported (a health change, an exit): told at once. */
  public void taskChanged(InstanceRef ref) {
    feed.instanceChanged(ref);
  }

  static int fingerprint(PassResult result) {
    List<List<Object>> tasks =
        result.observed().tasks().stream()
            .map(
                (ObservedTask t) ->
                    List.<Object>of(
                        t.id(),
                        t.state(),
                        t.health(),
                        t.drain(),
                        t.inHaproxy(),
                        String.valueOf(t.exitCode()),
                        String.valueOf(t.finishedAt())))
            .sorted((a, b) -> a.get(0).toString().compareTo(b.get(0).toString()))
            .toList();
    return Objects.hash(
        tasks,
        result.summary(),
        result.error(),
        result.config().isPresent(),
        result.desired().map(DesiredInstance::appId),
        result.desired().map(DesiredInstance::instances));
  }
}
