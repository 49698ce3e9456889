package io.paasta.discovery.haproxy;

/** HAProxy could not be reached, started, reloaded or stopped; the message says why. */
public class HaproxyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HaproxyException(String message) {
    super(message);
  }

  public HaproxyException(String message, Throwable cause) {
    super(message, cause);
  }
}
