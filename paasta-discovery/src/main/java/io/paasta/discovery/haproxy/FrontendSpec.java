package io.paasta.discovery.haproxy;

import io.paasta.model.NamespaceConfig;
import io.paasta.model.ProxyMode;
import java.util.Objects;
import java.util.Optional;

/**
 * What HAProxy needs to route one SmartStack namespace: a frontend on {@code 127.0.0.1:proxyPort}
 * and a backend of the same name.
 *
 * @param name the namespace, {@code service.namespace}
 * @param healthcheckUri the path HAProxy's HTTP checks request; empty for a TCP connect check
 */
public record FrontendSpec(
    String name,
    int proxyPort,
    ProxyMode mode,
    int timeoutConnectMs,
    int timeoutClientMs,
    int timeoutServerMs,
    int retries,
    Optional<String> healthcheckUri,
    int healthcheckTimeoutMs) {

  public FrontendSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(healthcheckUri, "healthcheckUri");
  }

  /** A namespace with SmartStack's defaults: HTTP, 200/1000/1000 ms, 1 retry, checks on /status. */
  public static FrontendSpec withDefaults(String name, int proxyPort) {
    return new FrontendSpec(
        name,
        proxyPort,
        ProxyMode.HTTP,
        NamespaceConfig.DEFAULT_TIMEOUT_CONNECT_MS,
        NamespaceConfig.DEFAULT_TIMEOUT_CLIENT_MS,
        NamespaceConfig.DEFAULT_TIMEOUT_SERVER_MS,
        NamespaceConfig.DEFAULT_RETRIES,
        Optional.of(NamespaceConfig.DEFAULT_HEALTHCHECK_URI),
        (int) (NamespaceConfig.DEFAULT_HEALTHCHECK_TIMEOUT_S * 1000));
  }

  /**
   * The spec of a namespace of smartstack.yaml, empty when it has no proxy_port (discovery only).
   * HTTP and HTTPS namespaces are checked with {@code GET healthcheck_uri} unless their
   * healthcheck_mode is tcp; TCP namespaces with a connect check.
   */
  public static Optional<FrontendSpec> of(NamespaceConfig ns) {
    if (!ns.inSmartStack()) {
      return Optional.empty();
    }
    boolean httpCheck =
        ns.mode() != ProxyMode.TCP
            && !ns.healthcheckMode().map("tcp"::equalsIgnoreCase).orElse(false);
    return Optional.of(
        new FrontendSpec(
            ns.name().toString(),
            ns.proxyPort().getAsInt(),
            ns.mode(),
            ns.timeoutConnectMs(),
            ns.timeoutClientMs(),
            ns.timeoutServerMs(),
            ns.retries(),
            httpCheck ? Optional.of(ns.healthcheckUri()) : Optional.empty(),
            (int) Math.round(ns.healthcheckTimeoutS() * 1000)));
  }

  /** This spec on another port (tests and benchmarks). */
  public FrontendSpec withProxyPort(int port) {
    return new FrontendSpec(
        name,
        port,
        mode,
        timeoutConnectMs,
        timeoutClientMs,
        timeoutServerMs,
        retries,
        healthcheckUri,
        healthcheckTimeoutMs);
  }
}
