package io.paasta.model;

import java.util.Map;
import java.util.Optional;

/**
 * service.yaml: facts about the service, and defaults for every instance ({@link #instanceDefaults}
 * holds every key as written, merged under each instance dict).
 */
public record ServiceConfig(
    String name,
    Optional<String> gitUrl,
    Optional<String> description,
    Optional<String> externalLink,
    Optional<String> dockerRegistry,
    Map<String, Object> instanceDefaults) {

  public ServiceConfig {
    instanceDefaults = Immutables.deepCopy(instanceDefaults);
  }

  public static ServiceConfig empty(String name) {
    return new ServiceConfig(
        name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
  }
}
