package io.paasta.backend.docker.drain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.planning.app.Labels;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A task's drain method and its parameters, from its {@code paasta_drain_method} and {@code
 * paasta_drain_params} (JSON) labels. No label means noop. {@code hacheck} waits {@code delay}
 * (default 60 s) after discovery exists (the SmartStack issue adds its wait in the discovery
 * layer).
 */
public final class DrainLabels {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DrainLabels() {}

  /**
   * @throws IllegalArgumentException when the method is unknown or its parameters are unusable
   */
  public static DrainSettings settingsOf(Map<String, String> labels) {
    String method =
        labels.getOrDefault(Labels.DRAIN_METHOD, "noop").trim().toLowerCase(Locale.ROOT);
    JsonNode params = params(labels.get(Labels.DRAIN_PARAMS));
    return switch (method) {
      case "", "noop" -> new DrainSettings.Noop("noop");
      case "hacheck" ->
          new DrainSettings.Hacheck(
              params.has("delay")
                  ? delay(params.path("delay"))
                  : DrainSettings.Hacheck.DEFAULT_DELAY);
      case "test" -> new DrainSettings.Test(delay(params.path("delay")));
      case "http" ->
          new DrainSettings.Http(
              UrlSpec.fromJson("drain", params.path("drain")),
              UrlSpec.fromJson("is_safe_to_kill", params.path("is_safe_to_kill")),
              optional("stop_draining", params.path("stop_draining")),
              optional("is_draining", params.path("is_draining")));
      default ->
          throw new IllegalArgumentException(
              "drain method \"" + method + "\" is none of noop, hacheck, http, test");
    };
  }

  private static JsonNode params(String json) {
    if (json == null || json.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (!node.isObject()) {
        throw new IllegalArgumentException("drain_method_params is not a JSON object: " + json);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "drain_method_params is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Duration delay(JsonNode delay) {
    if (delay.isMissingNode() || delay.isNull()) {
      return Duration.ZERO;
    }
    double seconds;
    try {
      seconds = delay.isNumber() ? delay.asDouble() : Double.parseDouble(delay.asText().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("delay \"" + delay.asText() + "\" is not seconds", e);
    }
    if (seconds < 0) {
      throw new IllegalArgumentException("delay " + seconds + " is negative");
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static Optional<UrlSpec> optional(String name, JsonNode node) {
    return node.isMissingNode() || node.isNull()
        ? Optional.empty()
        : Optional.of(UrlSpec.fromJson(name, node));
  }
}
