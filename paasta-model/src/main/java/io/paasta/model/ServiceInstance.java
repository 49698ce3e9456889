package io.paasta.model;

import java.util.Objects;
import java.util.Optional;

/** A {@code service.instance} pair, also the form of a SmartStack namespace and of a job parent. */
public record ServiceInstance(String service, String instance) {
  public ServiceInstance {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(instance, "instance");
  }

  /**
   * Parses {@code service.instance}; empty when there is not exactly one dot with text on both
   * sides.
   */
  public static Optional<ServiceInstance> parse(String dotted) {
    int dot = dotted.indexOf('.');
    if (dot <= 0 || dot == dotted.length() - 1 || dotted.indexOf('.', dot + 1) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new ServiceInstance(dotted.substring(0, dot), dotted.substring(dot + 1)));
  }

  @Override
  public String toString() {
    return service + "." + instance;
  }
}
