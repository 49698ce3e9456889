package io.paasta.cli.api;

import com.fasterxml.jackson.databind.JsonNode;

/** The last result of one monitoring check of an instance: status 0 OK .. 3 UNKNOWN. */
public record CheckResult(String name, int status, String output) {
  private static final String[] WORDS = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};

  static CheckResult from(JsonNode json) {
    return new CheckResult(
        JsonFields.text(json, "name", "?"),
        JsonFields.integer(json, "status", 3),
        JsonFields.text(json, "output", ""));
  }

  /** OK, WARNING, CRITICAL or UNKNOWN (any other number reads as UNKNOWN). */
  public String word() {
    return status >= 0 && status < WORDS.length ? WORDS[status] : WORDS[3];
  }

  public boolean ok() {
    return status == 0;
  }
}
