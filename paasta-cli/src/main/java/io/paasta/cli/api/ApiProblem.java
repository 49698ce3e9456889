package io.paasta.cli.api;

import com.fasterxml.jackson.databind.JsonNode;

/** An RFC 9457 {@code application/problem+json} answer of the API. */
public record ApiProblem(String type, String title, int status, String detail) {
  static ApiProblem from(JsonNode json, int httpStatus) {
    return new ApiProblem(
        JsonFields.text(json, "type", "about:blank"),
        JsonFields.text(json, "title", ""),
        JsonFields.integer(json, "status", httpStatus),
        JsonFields.text(json, "detail", ""));
  }

  /** The detail, else the title: what a user reads. */
  public String explanation() {
    return !detail.isBlank() ? detail : title;
  }
}
