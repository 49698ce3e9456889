package io.paasta.server.events;

import io.paasta.model.InstanceRef;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The daemon's notices that something a reader shows has changed: an instance (its tasks, its last
 * pass) or a job (its runs). Fed by the reconcile loop and the job store; read by the API's event
 * stream. Listeners must not block: each is called on the thread that made the change.
 */
public final class ChangeFeed {
  /** What changed: {@code kind} is {@code instance} or {@code job}. */
  public record Change(String kind, String service, String instance) {}

  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

  /** Adds a listener; the returned handle removes it. */
  public AutoCloseable subscribe(Consumer<Change> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public void instanceChanged(InstanceRef ref) {
    publish(new Change("instance", ref.service(), ref.instance()));
  }

  public void jobChanged(InstanceRef ref) {
    publish(new Change("job", ref.service(), ref.instance()));
  }

  /** How many listeners there are now. */
  public int listeners() {
    return listeners.size();
  }

  private void publish(Change change) {
    for (Consumer<Change> listener : listeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        // a listener's failure is its own (a closed stream); the others still hear of it
      }
    }
  }
}
