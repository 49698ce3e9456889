package io.paasta.model;

/** How a task is taken out of service before it is killed. */
public enum DrainMethod {
  NOOP,
  HACHECK,
  HTTP,
  TEST
}
