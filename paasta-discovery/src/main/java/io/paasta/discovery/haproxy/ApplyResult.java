package io.paasta.discovery.haproxy;

import java.util.List;
import java.util.Map;

/**
 * What {@link LocalProxy#apply} did.
 *
 * @param problems user-readable reasons why some namespace or endpoint is not routed as asked
 * @param started HAProxy was not running and was started
 * @param reloaded the configuration changed (frontends, or slot growth) and HAProxy reloaded
 * @param runtimeCommands runtime API commands sent to change server slots
 * @param routed proxy port by namespace, as the running HAProxy serves them now
 */
public record ApplyResult(
    List<String> problems,
    boolean started,
    boolean reloaded,
    int runtimeCommands,
    Map<String, Integer> routed) {
  public ApplyResult {
    problems = List.copyOf(problems);
    routed = Map.copyOf(routed);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
