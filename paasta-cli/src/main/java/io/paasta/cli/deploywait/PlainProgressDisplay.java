package io.paasta.cli.deploywait;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Progress for a pipe or a log: one line per instance when its progress changes, nothing when it
 * does not.
 */
public final class PlainProgressDisplay implements ProgressDisplay {
  private final Consumer<String> lines;
  private final Map<String, String> shown = new HashMap<>();

  /**
   * @param lines receives each changed line as picocli markup
   */
  public PlainProgressDisplay(Consumer<String> lines) {
    this.lines = lines;
  }

  @Override
  public synchronized void show(List<InstanceProgress> progress) {
    for (InstanceProgress instance : progress) {
      String key = instance.target().clusterInstance();
      if (!instance.text().equals(shown.put(key, instance.text()))) {
        lines.accept(instance.markup());
      }
    }
  }
}
