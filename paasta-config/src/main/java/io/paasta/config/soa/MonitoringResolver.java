package io.paasta.config.soa;

import io.paasta.config.problem.Problems;
import io.paasta.model.MonitoringConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The precedence of monitoring keys (SPEC section 1): the instance's {@code monitoring:} dict, then
 * monitoring.yaml, then service.yaml's {@code monitoring:}, then service.yaml's top-level key, then
 * the built-in default.
 */
public final class MonitoringResolver {
  private MonitoringResolver() {}

  /** Each key from the first source that sets it. Sources are given highest precedence first. */
  public static Map<String, Object> resolve(
      Map<?, ?> instanceMonitoring,
      Map<?, ?> monitoringYaml,
      Map<?, ?> serviceMonitoring,
      Map<?, ?> serviceTopLevel) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (Map<?, ?> source : List.of(serviceMonitoring, monitoringYaml, instanceMonitoring)) {
      source.forEach(
          (key, value) -> {
            if (value != null) {
              resolved.put(String.valueOf(key), value);
            }
          });
    }
    // service.yaml's top-level keys only for monitoring keys, and only where nothing else set them
    for (String key : MonitoringConfig.KEYS) {
      Object topLevel = serviceTopLevel.get(key);
      if (!resolved.containsKey(key) && topLevel != null) {
        resolved.put(key, topLevel);
      }
    }
    return resolved;
  }

  /** Turns a resolved monitoring dict into the domain record, defaults applied. */
  public static MonitoringConfig toConfig(Map<String, Object> resolved, FieldReader fields) {
    Map<String, Object> extra = new LinkedHashMap<>(resolved);
    extra.keySet().removeAll(MonitoringConfig.KEYS);
    return new MonitoringConfig(
        fields.string("team"),
        fields.string("notification_email"),
        fields.bool("page", false),
        fields.string("runbook"),
        fields.string("tip"),
        fields.bool("ticket", false),
        fields.string("project"),
        channels(fields, "irc_channels"),
        channels(fields, "slack_channels"),
        fields.scalarAsString("alert_after"),
        fields.scalarAsString("realert_every"),
        fields.scalarAsString("check_every"),
        fields.scalarAsString("priority"),
        fields.stringList("tags"),
        extra);
  }

  /** Channels may be written as one string or a list. */
  private static List<String> channels(FieldReader fields, String key) {
    Object raw = fields.raw(key);
    if (raw instanceof String single) {
      return List.of(single);
    }
    return fields.stringList(key);
  }

  /** Resolves and converts in one step, for callers that have the four sources. */
  public static MonitoringConfig resolveConfig(
      Map<?, ?> instanceMonitoring,
      Map<?, ?> monitoringYaml,
      Map<?, ?> serviceYaml,
      String subject,
      FieldLocator locator,
      Problems problems) {
    Map<?, ?> serviceMonitoring =
        serviceYaml.get("monitoring") instanceof Map<?, ?> m ? m : Map.of();
    Map<String, Object> resolved =
        resolve(instanceMonitoring, monitoringYaml, serviceMonitoring, serviceYaml);
    FieldReader fields =
        new FieldReader(resolved, subject, List.of("monitoring"), locator, problems);
    return toConfig(resolved, fields);
  }
}
