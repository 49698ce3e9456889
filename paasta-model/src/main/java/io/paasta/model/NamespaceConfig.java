package io.paasta.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A SmartStack namespace of smartstack.yaml, with defaults applied. */
public record NamespaceConfig(
    ServiceInstance name,
    OptionalInt proxyPort,
    ProxyMode mode,
    Optional<String> healthcheckMode,
    String healthcheckUri,
    OptionalInt healthcheckPort,
    double healthcheckTimeoutS,
    Optional<String> healthcheckBodyExpect,
    int timeoutConnectMs,
    int timeoutServerMs,
    int timeoutClientMs,
    int retries,
    String discover,
    List<String> advertise,
    Map<String, List<String>> extraAdvertise,
    List<Map<String, Object>> routes,
    Map<String, String> extraHealthcheckHeaders) {

  public static final String DEFAULT_HEALTHCHECK_URI = "/status";
  public static final double DEFAULT_HEALTHCHECK_TIMEOUT_S = 1;
  public static final int DEFAULT_TIMEOUT_CONNECT_MS = 200;
  public static final int DEFAULT_TIMEOUT_SERVER_MS = 1000;
  public static final int DEFAULT_TIMEOUT_CLIENT_MS = 1000;
  public static final int DEFAULT_RETRIES = 1;
  public static final String DEFAULT_DISCOVER = "region";
  public static final List<String> DEFAULT_ADVERTISE = List.of("region");

  public NamespaceConfig {
    advertise = List.copyOf(advertise);
    extraAdvertise = Map.copyOf(extraAdvertise);
    routes = routes.stream().map(Immutables::deepCopy).toList();
    extraHealthcheckHeaders = Map.copyOf(extraHealthcheckHeaders);
  }

  /** A namespace with a proxy port is routed by HAProxy; without one it is discovery-only. */
  public boolean inSmartStack() {
    return proxyPort.isPresent();
  }
}
