package io.paasta.cli.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One discover location of an instance in SmartStack, e.g. {@code region:local}, and its backends.
 */
public record SmartstackLocation(String name, int runningBackends, int expectedBackends) {
  static SmartstackLocation from(JsonNode json) {
    return new SmartstackLocation(
        JsonFields.text(json, "name", "?"),
        JsonFields.integer(json, "running_backends", 0),
        JsonFields.integer(json, "expected_backends", 0));
  }
}
