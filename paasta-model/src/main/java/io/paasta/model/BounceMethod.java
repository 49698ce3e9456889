package io.paasta.model;

/** How an old app is replaced by a new one (SPEC section 5). */
public enum BounceMethod {
  BRUTAL,
  UPTHENDOWN,
  CROSSOVER,
  DOWNTHENUP,
  DOWN
}
