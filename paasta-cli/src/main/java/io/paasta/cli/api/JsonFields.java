package io.paasta.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Tolerant reads of API answers: a missing field, a JSON null and a value of an unexpected type all
 * read as "absent" (or the given default), so that an older or newer API never breaks the CLI.
 */
final class JsonFields {
  private JsonFields() {}

  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  static String text(JsonNode node, String field, String otherwise) {
    return text(node, field).orElse(otherwise);
  }

  static OptionalInt integer(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value != null && value.isNumber()) {
      return OptionalInt.of(value.asInt());
    }
    if (value != null && value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
      return OptionalInt.of(Integer.parseInt(value.asText()));
    }
    return OptionalInt.empty();
  }

  static int integer(JsonNode node, String field, int otherwise) {
    return integer(node, field).orElse(otherwise);
  }

  static boolean bool(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && (value.isBoolean() ? value.asBoolean() : "true".equals(value.asText()));
  }

  static Optional<JsonNode> object(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isObject() ? Optional.of(value) : Optional.empty();
  }

  static List<JsonNode> array(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    List<JsonNode> items = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(items::add);
    }
    return items;
  }

  /** Strings of an array; objects become their {@code message} (or their JSON text). */
  static List<String> texts(JsonNode node, String field) {
    List<String> texts = new ArrayList<>();
    for (JsonNode item : array(node, field)) {
      if (item.isObject()) {
        texts.add(text(item, "message").orElse(item.toString()));
      } else if (!item.isNull()) {
        texts.add(item.asText());
      }
    }
    return texts;
  }

  /** An ISO 8601 timestamp, or epoch seconds (milliseconds when the number is that large). */
  static Optional<Instant> instant(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      double number = value.asDouble();
      return Optional.of(
          number > 1e11
              ? Instant.ofEpochMilli((long) number)
              : Instant.ofEpochMilli((long) (number * 1000)));
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.asText()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
