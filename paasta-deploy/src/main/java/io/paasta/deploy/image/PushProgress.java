package io.paasta.deploy.image;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the engine's push messages into progress lines worth printing: each layer's status when it
 * changes, and its upload in quarter steps, rather than one line per message.
 */
final class PushProgress {
  private final Map<String, String> lastByLayer = new HashMap<>();

  /**
   * The line to print for one push message, if any.
   *
   * @param id the layer, or null for messages about the whole push
   * @param status the engine's status ("Preparing", "Pushing", "Pushed", "Layer already exists")
   * @param current bytes sent so far, or null
   * @param total the layer's size, or null
   */
  Optional<String> line(String id, String status, Long current, Long total) {
    if (status == null || status.isBlank()) {
      return Optional.empty();
    }
    if (id == null || id.isBlank()) {
      return Optional.of(status);
    }
    String shown = status;
    if (status.equals("Pushing") && current != null && total != null && total > 0) {
      long quarter = Math.min(4, Math.max(0, current * 4 / total));
      shown = String.format(Locale.ROOT, "Pushing %d%% of %s", quarter * 25, size(total));
    }
    if (shown.equals(lastByLayer.put(id, shown))) {
      return Optional.empty();
    }
    return Optional.of("  " + id + ": " + shown);
  }

  /** 1536 as "1.5 kB" (decimal units, as the docker CLI shows sizes). */
  static String size(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
