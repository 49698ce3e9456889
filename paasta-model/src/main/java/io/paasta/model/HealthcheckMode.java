package io.paasta.model;

/** How the health of a task is checked; NONE when the instance has no health check. */
public enum HealthcheckMode {
  HTTP,
  HTTPS,
  TCP,
  CMD,
  NONE
}
