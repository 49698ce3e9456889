package io.paasta.cli.deploywait;

import java.util.List;

/** Where a deploy wait shows its progress, once per poll. */
public interface ProgressDisplay {
  /** The progress of every instance waited for, in a stable order. */
  void show(List<InstanceProgress> progress);
}
