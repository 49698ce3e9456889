package io.paasta.planning.backend;

/**
 * An action that failed on the engine (an image the registry lacks, no free port, the engine down),
 * with a message for status and logs. It fails that instance's pass, never others.
 */
public class BackendException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BackendException(String message) {
    super(message);
  }

  public BackendException(String message, Throwable cause) {
    super(message, cause);
  }
}
