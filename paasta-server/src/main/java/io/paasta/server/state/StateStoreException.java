package io.paasta.server.state;

/**
 * The daemon's state database could not be opened, migrated, read or written; the message names the
 * file and what to do.
 */
public final class StateStoreException extends RuntimeException {
  public StateStoreException(String message) {
    super(message);
  }

  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
