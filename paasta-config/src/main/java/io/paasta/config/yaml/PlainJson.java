package io.paasta.config.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON read with jackson-core's streaming parser into what Jackson's default {@code ObjectMapper}
 * gives: {@code readValue(bytes, Object.class)} (maps, lists, strings, Integer, Long, BigInteger,
 * Double, Boolean, null) and {@code readTree} (the same as nodes), the first value of the input,
 * without making an ObjectMapper, whose set-up (date formats, locale data, type introspection,
 * annotation proxies) is ~50 ms of a command's start. A document it does not read exactly as the
 * mapper would (a syntax error, no value at all, a key given twice) is empty: the caller then asks
 * the mapper, which reads it or says why not.
 */
public final class PlainJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** The first value of a document; {@code value} is null for JSON {@code null}. */
  public record Document(Object value) {}

  /** A key given twice in one object: the mapper has rules of its own for that. */
  private static final class RepeatedKey extends Exception {
    RepeatedKey() {
      super(null, null, false, false);
    }
  }

  private PlainJson() {}

  /** The first value of JSON bytes (any Unicode encoding the mapper detects), or empty. */
  public static Optional<Document> read(byte[] json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return read(parser);
    } catch (IOException | RepeatedKey e) {
      return Optional.empty();
    }
  }

  /** The first value of JSON text, or empty. */
  public static Optional<Document> read(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return read(parser);
    } catch (IOException | RepeatedKey e) {
      return Optional.empty();
    }
  }

  /** The first value of JSON text as {@code readTree} gives it, or empty. */
  public static Optional<JsonNode> tree(String json) {
    return read(json).map(document -> node(document.value()));
  }

  private static Optional<Document> read(JsonParser parser) throws IOException, RepeatedKey {
    JsonToken first = parser.nextToken();
    return first == null ? Optional.empty() : Optional.of(new Document(value(parser, first)));
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException, RepeatedKey {
    if (token == null) {
      throw new IOException("the input ends inside a value");
    }
    switch (token) {
      case START_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
          Object value = value(parser, parser.nextToken());
          if (object.containsKey(key)) {
            throw new RepeatedKey();
          }
          object.put(key, value);
        }
        return object;
      case START_ARRAY:
        List<Object> array = new ArrayList<>();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        return array;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected token " + token);
    }
  }

  /** A value of {@link #read} as the node {@code readTree} makes of it. */
  private static JsonNode node(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = nodes.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        object.set((String) entry.getKey(), node(entry.getValue()));
      }
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = nodes.arrayNode(list.size());
      for (Object item : list) {
        array.add(node(item));
      }
      return array;
    }
    if (value instanceof String text) {
      return nodes.textNode(text);
    }
    if (value instanceof Integer number) {
      return nodes.numberNode(number.intValue());
    }
    if (value instanceof Long number) {
      return nodes.numberNode(number.longValue());
    }
    if (value instanceof BigInteger number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Double number) {
      return nodes.numberNode(number.doubleValue());
    }
    if (value instanceof Boolean bool) {
      return nodes.booleanNode(bool);
    }
    return nodes.nullNode();
  }
}
