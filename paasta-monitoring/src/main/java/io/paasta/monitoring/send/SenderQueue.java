package io.paasta.monitoring.send;

import io.paasta.monitoring.alert.Event;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One sender with its bounded queue and its own thread. {@link #offer} never blocks: when the queue
 * is full the oldest event is dropped (and counted), so the newest state of every check gets
 * through. The thread delivers events in order, retrying each per the {@link RetryPolicy}.
 */
final class SenderQueue {
  private final EventSender sender;
  private final BlockingQueue<Event> queue;
  private final RetryPolicy retry;
  private final DispatchMetrics.SenderCounters counters;
  private final MonitoringLog log;
  private final Thread thread;
  private volatile boolean running = true;
  // touched by the sender's thread only
  private int failedAttempts;
  private int givenUp;

  SenderQueue(
      EventSender sender,
      int capacity,
      RetryPolicy retry,
      DispatchMetrics metrics,
      MonitoringLog log) {
    this.sender = sender;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.retry = retry;
    this.counters = metrics.counters(sender.name());
    this.log = log;
    metrics.queueGauge(sender.name(), queue);
    this.thread = new Thread(this::run, "paasta-events-" + sender.name());
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void offer(Event event) {
    while (!queue.offer(event)) {
      if (queue.poll() != null) {
        counters.dropped().increment();
      }
    }
  }

  int size() {
    return queue.size();
  }

  String name() {
    return sender.name();
  }

  private void run() {
    try {
      while (running) {
        deliver(queue.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(Event event) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        sender.send(event);
        counters.sent().increment();
        recovered();
        return;
      } catch (SendException e) {
        if (!e.isRetryable()) {
          counters.failed().increment();
          log.warn(sender.name() + ": event " + event.name() + " rejected: " + e.getMessage());
          return;
        }
        failedAttempt(e);
        if (attempt >= retry.attempts() || !running) {
          counters.failed().increment();
          gaveUp(event, attempt, e);
          return;
        }
        counters.retried().increment();
        backOff(event, attempt);
      } catch (RuntimeException e) {
        counters.failed().increment();
        log.warn(sender.name() + ": could not send " + event.name() + ": " + e);
        return;
      }
    }
  }

  private void backOff(Event event, int attempt) throws InterruptedException {
    try {
      Thread.sleep(retry.backoff(attempt).toMillis());
    } catch (InterruptedException e) {
      counters.dropped().increment();
      throw e;
    }
  }

  private void failedAttempt(SendException e) {
    if (failedAttempts++ == 0) {
      log.warn(
          sender.name()
              + ": cannot send events ("
              + e.getMessage()
              + "); retrying, events wait in a queue of "
              + (queue.size() + queue.remainingCapacity()));
    }
  }

  private void gaveUp(Event event, int attempts, SendException e) {
    if (givenUp++ == 0) {
      log.warn(
          sender.name()
              + ": gave up on event "
              + event.name()
              + " after "
              + attempts
              + (attempts == 1 ? " attempt" : " attempts")
              + " ("
              + e.getMessage()
              + "); events given up are counted until the sender recovers");
    }
  }

  private void recovered() {
    if (failedAttempts > 0) {
      log.info(
          sender.name()
              + ": sending events again after "
              + failedAttempts
              + " failed attempts ("
              + givenUp
              + " events given up)");
      failedAttempts = 0;
      givenUp = 0;
    }
  }

  /** Stops the thread, waiting up to {@code grace}; events still queued are counted as dropped. */
  void close(Duration grace) {
    running = false;
    thread.interrupt();
    try {
      thread.join(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int left = queue.size();
    queue.clear();
    counters.dropped().increment(left);
    sender.close();
  }
}
