package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.paasta.model.Healthcheck;
import java.util.List;
import java.util.Optional;

/**
 * The health check as probes (SPEC section 14): http/https {@code httpGet} on {@code
 * healthcheck_uri}, tcp {@code tcpSocket}, cmd {@code exec sh -c}; all on {@code container_port}.
 *
 * <p>Liveness takes the section's mapping as is: grace -> {@code initialDelaySeconds}, interval ->
 * {@code periodSeconds}, timeout -> {@code timeoutSeconds}, max consecutive failures -> {@code
 * failureThreshold}. Readiness runs the same check at the same period and timeout from the start
 * and takes a pod out of its Services at the first failure ({@code failureThreshold: 1}): a pod is
 * not ready until its check passes, as a task is not happy until its check passes on the local
 * backend.
 */
final class Probes {
  private Probes() {}

  static Optional<Probe> liveness(Healthcheck check, int port) {
    return probe(
        check,
        port,
        seconds(check.gracePeriodSeconds()),
        Math.max(1, check.maxConsecutiveFailures()));
  }

  static Optional<Probe> readiness(Healthcheck check, int port) {
    return probe(check, port, null, 1);
  }

  private static Optional<Probe> probe(
      Healthcheck check, int port, Integer initialDelaySeconds, int failureThreshold) {
    return handler(check, port)
        .map(
            builder ->
                builder
                    .withInitialDelaySeconds(initialDelaySeconds)
                    .withPeriodSeconds(atLeastOne(check.intervalSeconds()))
                    .withTimeoutSeconds(atLeastOne(check.timeoutSeconds()))
                    .withFailureThreshold(failureThreshold)
                    .build());
  }

  private static Optional<ProbeBuilder> handler(Healthcheck check, int port) {
    ProbeBuilder probe = new ProbeBuilder();
    switch (check.mode()) {
      case HTTP, HTTPS ->
          probe
              .withNewHttpGet()
              .withPath(check.uri())
              .withPort(new IntOrString(port))
              .withScheme(check.mode().name())
              .endHttpGet();
      case TCP -> probe.withNewTcpSocket().withPort(new IntOrString(port)).endTcpSocket();
      case CMD ->
          probe
              .withNewExec()
              .withCommand(List.of("sh", "-c", check.cmd().orElse("true")))
              .endExec();
      case NONE -> {
        return Optional.empty();
      }
    }
    return Optional.of(probe);
  }

  private static int seconds(double value) {
    return (int) Math.round(value);
  }

  private static int atLeastOne(double value) {
    return Math.max(1, seconds(value));
  }
}
