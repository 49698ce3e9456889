package io.paasta.cli.jobs;

import java.util.Locale;

/** {@code --rerun-type}: only this job, or its whole connected dependency graph in order. */
public enum RerunType {
  INSTANCE,
  GRAPH;

  /** The API's word: {@code instance} or {@code graph}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
