package io.paasta.server.autoscaling;

/** The autoscaler's state could not be read or written; the message names the file and why. */
public final class AutoscalerStoreException extends RuntimeException {
  public AutoscalerStoreException(String message) {
    super(message);
  }

  public AutoscalerStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
