package io.paasta.deploy;

/**
 * A deploy operation that cannot go on, with a message a user can act on (what failed, and what to
 * do). Commands print it as one line and exit 1.
 */
public class DeployException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DeployException(String message) {
    super(message);
  }

  public DeployException(String message, Throwable cause) {
    super(message, cause);
  }
}
