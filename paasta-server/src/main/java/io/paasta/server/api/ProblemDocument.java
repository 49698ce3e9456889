package io.paasta.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of an error response: {@code {"type": "about:blank", "title", "status", "detail"}}, sent
 * as {@code application/problem+json}.
 */
public final class ProblemDocument {
  public static final String CONTENT_TYPE = "application/problem+json";

  private ProblemDocument() {}

  public static Map<String, Object> of(int status, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title(status));
    problem.put("status", status);
    problem.put("detail", detail);
    return problem;
  }

  /** The HTTP reason phrase of a status. */
  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 415 -> "Unsupported Media Type";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Server Error" : "Client Error";
    };
  }
}
