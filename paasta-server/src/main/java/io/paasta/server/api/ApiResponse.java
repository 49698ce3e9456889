package io.paasta.server.api;

import java.nio.charset.StandardCharsets;

/** What an endpoint answers: a status, a content type and the body's bytes. */
public record ApiResponse(int status, String contentType, byte[] body) {
  public static final String JSON = "application/json";

  /** 200 with the object as JSON. */
  public static ApiResponse json(Object value) {
    return new ApiResponse(200, JSON, Json.write(value));
  }

  public static ApiResponse text(String contentType, String text) {
    return new ApiResponse(200, contentType, text.getBytes(StandardCharsets.UTF_8));
  }
}
