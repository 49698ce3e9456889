package io.paasta.server.desired;

import io.paasta.config.problem.Problem;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.validate.SoaValidator;
import io.paasta.config.yaml.ParsedFile;
import io.paasta.model.NamespaceConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule that spans services: one proxy_port per namespace across the tree. A service being
 * loaded is checked against the last good load of every other service (with validate's rule), so
 * that the service whose files changed last is the one refused and the running one keeps its port.
 */
final class ProxyPortClaims {
  /** Problems of {@code candidate}'s namespaces whose proxy_port another running service uses. */
  List<Problem> conflicts(LoadedService candidate, Map<String, LoadedService> running) {
    String service = candidate.service().name();
    if (candidate.service().namespaces().values().stream()
        .noneMatch(NamespaceConfig::inSmartStack)) {
      return List.of();
    }
    Map<String, Map<String, NamespaceConfig>> all = new LinkedHashMap<>();
    running.forEach(
        (other, loaded) -> {
          if (!other.equals(service)) {
            all.put(other, loaded.service().namespaces());
          }
        });
    all.put(service, candidate.service().namespaces());
    Map<String, ParsedFile> smartstacks =
        candidate.files().smartstack().map(f -> Map.of(service, f)).orElse(Map.of());
    return SoaValidator.duplicatePorts(all, service, smartstacks).getOrDefault(service, List.of());
  }
}
