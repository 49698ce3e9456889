package io.paasta.cli.api;

import io.paasta.cli.UserException;

/** A request to a cluster's PaaSTA API that did not give a usable answer, explained in one line. */
public final class ApiException extends UserException {
  private static final long serialVersionUID = 1L;

  /** Why there is no answer. */
  public enum Kind {
    /** The system config names no API for the cluster. */
    NO_ENDPOINT,
    /** Nothing answers at the endpoint (connection refused, unknown host). */
    UNREACHABLE,
    /** The API did not answer within the timeout. */
    TIMEOUT,
    /** 404: the API does not know what was asked for. */
    NOT_FOUND,
    /** Any other error status, or an answer that is not the expected JSON. */
    BAD_ANSWER
  }

  private final Kind kind;

  public ApiException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
