package io.paasta.planning.app;

import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.WireEnum;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Labels#HEALTHCHECK} label: a task's health check as canonical JSON, so the checker can
 * go on checking it after a daemon restart. Keys: {@code mode} (http|https|tcp|cmd|none), {@code
 * uri}, {@code cmd} (string or null), {@code grace_period_seconds}, {@code interval_seconds},
 * {@code timeout_seconds} (numbers, integral ones without ".0") and {@code
 * max_consecutive_failures} (integer), e.g. {@code
 * {"cmd":null,"grace_period_seconds":60,"interval_seconds":10,"max_consecutive_failures":30,
 * "mode":"http","timeout_seconds":10,"uri":"/status"}}.
 */
public final class HealthcheckLabel {
  private HealthcheckLabel() {}

  /** The health check as a JSON-ready map (also its part of the config hash). */
  public static Map<String, Object> toMap(Healthcheck check) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("mode", WireEnum.wireName(check.mode()));
    map.put("uri", check.uri());
    map.put("cmd", check.cmd().orElse(null));
    map.put("grace_period_seconds", check.gracePeriodSeconds());
    map.put("interval_seconds", check.intervalSeconds());
    map.put("timeout_seconds", check.timeoutSeconds());
    map.put("max_consecutive_failures", check.maxConsecutiveFailures());
    return map;
  }

  public static String toJson(Healthcheck check) {
    return CanonicalJson.write(toMap(check));
  }

  /**
   * Reads a label written by {@link #toJson}; missing keys take the model's defaults (mode: none).
   *
   * @throws IllegalArgumentException when the label is not such JSON
   */
  public static Healthcheck parse(String json) {
    Map<String, Object> map = JsonReader.parseObject(json);
    String modeName = text(map, "mode").orElse("none");
    HealthcheckMode mode =
        WireEnum.parse(HealthcheckMode.class, modeName)
            .orElseThrow(
                () -> new IllegalArgumentException("unknown healthcheck mode " + modeName));
    return new Healthcheck(
        mode,
        text(map, "uri").orElse(Healthcheck.DEFAULT_URI),
        text(map, "cmd"),
        number(map, "grace_period_seconds", Healthcheck.DEFAULT_GRACE_PERIOD_SECONDS),
        number(map, "interval_seconds", Healthcheck.DEFAULT_INTERVAL_SECONDS),
        number(map, "timeout_seconds", Healthcheck.DEFAULT_TIMEOUT_SECONDS),
        (int)
            number(map, "max_consecutive_failures", Healthcheck.DEFAULT_MAX_CONSECUTIVE_FAILURES));
  }

  private static Optional<String> text(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      return Optional.of(text);
    }
    throw new IllegalArgumentException("healthcheck " + key + " is not a string: " + value);
  }

  private static double number(Map<String, Object> map, String key, double fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw new IllegalArgumentException("healthcheck " + key + " is not a number: " + value);
  }
}
