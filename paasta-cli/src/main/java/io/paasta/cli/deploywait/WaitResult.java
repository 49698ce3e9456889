package io.paasta.cli.deploywait;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The end of a deploy wait: the last progress of every instance, and how long it took. Not done
 * means the timeout passed first.
 */
public record WaitResult(boolean done, List<InstanceProgress> progress, Duration took) {
  public WaitResult {
    progress = List.copyOf(progress);
  }

  /** The instances that were not done. */
  public List<InstanceProgress> laggards() {
    return progress.stream().filter(p -> !p.done()).toList();
  }

  /** {@code local.main (2/3 new tasks happy), ...}: the laggards in a sentence. */
  public String describeLaggards() {
    return laggards().stream()
        .map(p -> p.target().clusterInstance() + " (" + p.text() + ")")
        .collect(Collectors.joining(", "));
  }
}
