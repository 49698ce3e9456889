package io.paasta.server.api;

import java.util.Map;

/**
 * A request the API answers with an {@code application/problem+json} document (RFC 7807): the
 * status, and a detail that names what was wrong and what is expected.
 */
public final class ProblemException extends RuntimeException {
  private final int status;
  private final Map<String, String> headers;

  public ProblemException(int status, String detail) {
    this(status, detail, Map.of());
  }

  /**
   * @param headers extra response headers (e.g. {@code Allow} for 405)
   */
  public ProblemException(int status, String detail, Map<String, String> headers) {
    super(detail);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(404, detail);
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(400, detail);
  }

  public int status() {
    return status;
  }

  public String detail() {
    return getMessage();
  }

  public Map<String, String> headers() {
    return headers;
  }
}
