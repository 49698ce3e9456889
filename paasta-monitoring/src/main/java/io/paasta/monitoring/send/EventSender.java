package io.paasta.monitoring.send;

import io.paasta.monitoring.alert.Event;

/**
 * Delivers events somewhere (the Sensu client socket, a webhook, the daemon's log). Called from one
 * thread per sender; a call may block up to the sender's own timeout, never longer.
 */
public interface EventSender extends AutoCloseable {
  /** A short name for logs and metric tags: {@code sensu}, {@code webhook}, {@code log}. */
  String name();

  void send(Event event) throws SendException;

  @Override
  default void close() {}
}
