package io.paasta.monitoring.send;

/**
 * A sender could not deliver an event. Retryable failures (the receiver is down or slow) are tried
 * again; a rejection (the receiver refused the event itself) is not.
 */
public final class SendException extends Exception {
  private final boolean retryable;

  private SendException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public static SendException retryable(String message, Throwable cause) {
    return new SendException(message, true, cause);
  }

  public static SendException rejected(String message) {
    return new SendException(message, false, null);
  }

  public boolean isRetryable() {
    return retryable;
  }
}
