package io.paasta.deploy.http;

import java.io.IOException;

/**
 * An HTTP exchange of {@link BlockingHttp} that got no answer, with why in a few words ({@link
 * #reason()}, e.g. "connection refused") so that callers can say what to do about it.
 */
public final class HttpFailure extends IOException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that answer each case differently. */
  public enum Kind {
    /** No TCP connection within the connect timeout. */
    CONNECT_TIMEOUT,
    /** Connected, but no (complete) answer within the read timeout. */
    ANSWER_TIMEOUT,
    /** Nothing listens on the port. */
    REFUSED,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** Anything else: TLS, a reset connection, an answer that is not HTTP... */
    OTHER
  }

  private final Kind kind;
  private final String reason;

  public HttpFailure(Kind kind, String request, String reason, Throwable cause) {
    super(request + ": " + reason, cause);
    this.kind = kind;
    this.reason = reason;
  }

  public Kind kind() {
    return kind;
  }

  /** Why, without the request: "connection refused", "no answer within 10s"... */
  public String reason() {
    return reason;
  }

  /** Whether the connection or the answer timed out. */
  public boolean timedOut() {
    return kind == Kind.CONNECT_TIMEOUT || kind == Kind.ANSWER_TIMEOUT;
  }
}
