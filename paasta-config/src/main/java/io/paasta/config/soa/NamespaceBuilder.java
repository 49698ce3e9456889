package io.paasta.config.soa;

import io.paasta.config.problem.Problems;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.ProxyMode;
import io.paasta.model.ServiceInstance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Turns a namespace dict of smartstack.yaml into its domain record, defaults applied. */
public final class NamespaceBuilder {
  private NamespaceBuilder() {}

  public static NamespaceConfig build(
      ServiceInstance name, Map<?, ?> dict, FieldLocator locator, Problems problems) {
    FieldReader fields =
        new FieldReader(dict, name.instance(), List.of(name.instance()), locator, problems);
    OptionalInt proxyPort = fields.optionalInteger("proxy_port");
    if (proxyPort.isPresent() && (proxyPort.getAsInt() < 1 || proxyPort.getAsInt() > 65535)) {
      fields.problem("proxy_port", "is not a TCP port", proxyPort.getAsInt(), "a port in 1..65535");
      proxyPort = OptionalInt.empty();
    }
    return new NamespaceConfig(
        name,
        proxyPort,
        fields.enumValue("mode", ProxyMode.class, ProxyMode.HTTP),
        fields.string("healthcheck_mode"),
        fields.string("healthcheck_uri", NamespaceConfig.DEFAULT_HEALTHCHECK_URI),
        fields.optionalInteger("healthcheck_port"),
        fields.number("healthcheck_timeout_s", NamespaceConfig.DEFAULT_HEALTHCHECK_TIMEOUT_S),
        fields.string("healthcheck_body_expect"),
        fields.integer("timeout_connect_ms", NamespaceConfig.DEFAULT_TIMEOUT_CONNECT_MS),
        fields.integer("timeout_server_ms", NamespaceConfig.DEFAULT_TIMEOUT_SERVER_MS),
        fields.integer("timeout_client_ms", NamespaceConfig.DEFAULT_TIMEOUT_CLIENT_MS),
        fields.integer("retries", NamespaceConfig.DEFAULT_RETRIES),
        fields.string("discover", NamespaceConfig.DEFAULT_DISCOVER),
        fields.has("advertise")
            ? fields.stringList("advertise")
            : NamespaceConfig.DEFAULT_ADVERTISE,
        extraAdvertise(fields),
        routes(fields),
        fields.stringMap("extra_healthcheck_headers"));
  }

  private static Map<String, List<String>> extraAdvertise(FieldReader fields) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    fields
        .dict("extra_advertise")
        .forEach(
            (from, to) -> {
              if (to instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                result.put(from, list.stream().map(String.class::cast).toList());
              } else {
                fields.problem(
                    "extra_advertise",
                    "has an invalid entry for " + from,
                    to,
                    "a list of locations");
              }
            });
    return result;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> routes(FieldReader fields) {
    return fields.dictList("routes").stream().map(route -> (Map<String, Object>) route).toList();
  }
}
