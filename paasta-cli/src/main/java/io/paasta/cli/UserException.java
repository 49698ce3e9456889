package io.paasta.cli;

/** A mistake in how a command was called, explained to the user in one line. */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }
}
