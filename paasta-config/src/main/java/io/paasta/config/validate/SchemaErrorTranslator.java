package io.paasta.config.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.FieldReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Turns a JSON Schema error into the words of a soa-configs user. */
final class SchemaErrorTranslator {

  /** The field a problem is about, and what to say of it. */
  record Translation(List<Object> path, String message, Object value, String expected) {}

  /**
   * @param suggest the known key nearest to an unknown one, if any is close
   */
  Translation translate(
      Error error, List<Object> path, Function<String, Optional<String>> suggest) {
    int whitelist = path.indexOf("deploy_whitelist");
    if (whitelist >= 0) {
      List<Object> field = path.subList(0, whitelist + 1);
      return new Translation(
          field, FieldReader.WHITELIST_PROBLEM, Problem.NO_VALUE, FieldReader.WHITELIST_FORMAT);
    }
    JsonNode instance = error.getInstanceNode();
    JsonNode schema = error.getSchemaNode();
    Object value = instance == null ? Problem.NO_VALUE : valueOf(instance);
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    return switch (keyword) {
      case "type" ->
          new Translation(
              path, "is " + typeName(instance), value, "expected " + expectedType(schema));
      case "additionalProperties", "unevaluatedProperties" -> {
        List<Object> keyPath = with(path, error.getProperty());
        Optional<String> nearest =
            error.getProperty() == null ? Optional.empty() : suggest.apply(error.getProperty());
        yield new Translation(
            keyPath,
            "is not a known key",
            Problem.NO_VALUE,
            nearest
                .map(key -> "did you mean " + key + "?")
                .orElse("remove it or check its spelling"));
      }
      case "required" ->
          new Translation(
              with(path, error.getProperty()),
              "is missing",
              Problem.NO_VALUE,
              "this key is required");
      case "enum" ->
          new Translation(path, "is not an allowed value", value, "one of " + list(schema));
      case "const" -> new Translation(path, "is not the allowed value", value, "exactly " + schema);
      case "minimum" -> new Translation(path, "is too small", value, "at least " + schema);
      case "exclusiveMinimum" ->
          new Translation(path, "is too small", value, "greater than " + schema);
      case "maximum" -> new Translation(path, "is too large", value, "at most " + schema);
      case "exclusiveMaximum" ->
          new Translation(path, "is too large", value, "less than " + schema);
      case "pattern" ->
          new Translation(
              path, "does not have the expected form", value, "text matching " + schema);
      case "minItems" ->
          new Translation(path, "has too few items", value, "at least " + schema + " items");
      case "minLength" ->
          new Translation(path, "is too short", value, "at least " + schema + " characters");
      case "propertyNames" ->
          new Translation(
              with(path, error.getProperty()),
              "is not a valid name",
              error.getProperty() == null ? Problem.NO_VALUE : error.getProperty(),
              "lowercase letters, digits, '-' and '_' (templates start with '_')");
      default -> new Translation(path, stripLocation(error.getMessage()), value, "");
    };
  }

  private static List<Object> with(List<Object> path, String property) {
    List<Object> longer = new ArrayList<>(path);
    if (property != null) {
      longer.add(property);
    }
    return longer;
  }

  private static Object valueOf(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isObject()) {
      return "{...}";
    }
    if (node.isArray()) {
      return node.size() <= 5 ? node.toString() : "[...]";
    }
    return node.toString();
  }

  private static String typeName(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isIntegralNumber()) {
      return "a whole number";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isObject()) {
      return "a dict";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.getNodeType().toString().toLowerCase();
  }

  private static String expectedType(JsonNode schemaType) {
    if (schemaType == null) {
      return "another type";
    }
    if (schemaType.isArray()) {
      return StreamSupport.stream(schemaType.spliterator(), false)
          .map(t -> article(t.asText()))
          .collect(Collectors.joining(" or "));
    }
    return article(schemaType.asText());
  }

  private static String article(String jsonType) {
    return switch (jsonType) {
      case "object" -> "a dict";
      case "array" -> "a list";
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "string" -> "a string";
      case "boolean" -> "true or false";
      case "null" -> "null";
      default -> jsonType;
    };
  }

  private static String list(JsonNode values) {
    if (values == null || !values.isArray()) {
      return String.valueOf(values);
    }
    return StreamSupport.stream(values.spliterator(), false)
        .map(v -> v.isTextual() ? v.textValue() : v.toString())
        .collect(Collectors.joining(", "));
  }

  /** networknt messages start with the instance location ({@code $.main.cpus: ...}). */
  private static String stripLocation(String message) {
    if (message == null) {
      return "is invalid";
    }
    int colon = message.indexOf(": ");
    return message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
  }
}
