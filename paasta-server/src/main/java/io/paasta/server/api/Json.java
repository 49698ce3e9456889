package io.paasta.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON in and out of the API: responses are written from maps and lists; request bodies are read as
 * one JSON object whose fields are checked one by one, each problem answered with a 400 that names
 * the field.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private Json() {}

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode read(byte[] json) throws java.io.IOException {
    return MAPPER.readTree(json);
  }

  /**
   * The body as a JSON object holding only {@code allowed} fields.
   *
   * @throws ProblemException 400 when it is not JSON, not an object, or has another field
   */
  public static ObjectNode object(String body, Set<String> allowed) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(
          "the request body is not valid JSON: " + e.getOriginalMessage() + location(e));
    }
    if (!(node instanceof ObjectNode object)) {
      throw ProblemException.badRequest(
          "the request body must be a JSON object with the fields "
              + new TreeSet<>(allowed)
              + ", got "
              + (node == null || node.isMissingNode() ? "nothing" : node.getNodeType()));
    }
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowed.contains(name)) {
                throw ProblemException.badRequest(
                    "unknown field '" + name + "'; expected " + new TreeSet<>(allowed));
              }
            });
    return object;
  }

  /**
   * The integer field {@code name}, required.
   *
   * @throws ProblemException 400 naming the field when it is missing or not an integer in range
   */
  public static int requiredInt(ObjectNode object, String name, int min, int max) {
    JsonNode value = object.get(name);
    if (value == null) {
      throw ProblemException.badRequest("field '" + name + "' is required (an integer)");
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ProblemException.badRequest(
          "field '"
              + name
              + "' must be an integer from "
              + min
              + " to "
              + max
              + ", got "
              + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
              + " "
              + value);
    }
    int number = value.intValue();
    if (number < min || number > max) {
      throw ProblemException.badRequest(
          "field '" + name + "' must be from " + min + " to " + max + ", got " + number);
    }
    return number;
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
