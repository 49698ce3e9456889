package io.paasta.discovery.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paasta.discovery.Endpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of a nerve registration node, {@code {"host": ..., "port": ..., "name": ..., "weight":
 * ...}}, both ways. Reading is strict about host and port (a node without them cannot be routed to)
 * and lenient about the rest: a missing name becomes {@code <host>_<port>}, a missing weight {@link
 * #DEFAULT_WEIGHT}, unknown fields are ignored.
 */
public final class EndpointJson {
  /** The weight of a registration whose config or node does not say. */
  public static final int DEFAULT_WEIGHT = 10;

  /** HAProxy's largest server weight. */
  public static final int MAX_WEIGHT = 256;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EndpointJson() {}

  /** The node data for an endpoint, keys in nerve's order. */
  public static byte[] encode(Endpoint endpoint) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("host", endpoint.host());
    node.put("port", endpoint.port());
    node.put("name", endpoint.name());
    node.put("weight", endpoint.weight());
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an endpoint as JSON", e);
    }
  }

  /**
   * Reads a node's data.
   *
   * @throws IllegalArgumentException saying what is wrong with the data
   */
  public static Endpoint decode(byte[] data) {
    if (data == null || data.length == 0) {
      throw new IllegalArgumentException("the node holds no data; expected a JSON object");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(data);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + preview(data));
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object: " + preview(data));
    }
    JsonNode host = node.get("host");
    if (host == null || !host.isTextual() || host.asText().isBlank()) {
      throw new IllegalArgumentException("no \"host\" string: " + preview(data));
    }
    int port = integer(node, "port", -1, data);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("\"port\" is not a port 1-65535: " + preview(data));
    }
    int weight = integer(node, "weight", DEFAULT_WEIGHT, data);
    if (weight < 0 || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException(
          "\"weight\" is not 0-" + MAX_WEIGHT + ": " + preview(data));
    }
    JsonNode name = node.get("name");
    String nameText =
        name != null && name.isTextual() && !name.asText().isBlank()
            ? name.asText()
            : host.asText() + "_" + port;
    return new Endpoint(host.asText(), port, nameText, weight);
  }

  /** An integer field, given as a JSON integer or a string of digits; the fallback when absent. */
  private static int integer(JsonNode node, String field, int fallback, byte[] data) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (fallback < 0) {
        throw new IllegalArgumentException("no \"" + field + "\": " + preview(data));
      }
      return fallback;
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.intValue();
    }
    if (value.isTextual() && value.asText().matches("[0-9]{1,9}")) {
      return Integer.parseInt(value.asText());
    }
    throw new IllegalArgumentException("\"" + field + "\" is not an integer: " + preview(data));
  }

  private static String preview(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    return text.length() > 120 ? text.substring(0, 120) + "..." : text;
  }
}
