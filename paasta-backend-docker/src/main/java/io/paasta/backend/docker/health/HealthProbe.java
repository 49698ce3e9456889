package io.paasta.backend.docker.health;

import io.paasta.model.Healthcheck;
import java.util.OptionalInt;

/** Runs one health check of a task. */
@FunctionalInterface
public interface HealthProbe {
  ProbeResult probe(String containerId, Healthcheck check, OptionalInt port0);
}
