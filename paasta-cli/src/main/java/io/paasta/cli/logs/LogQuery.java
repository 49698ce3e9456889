package io.paasta.cli.logs;

import io.paasta.config.logs.LogFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code paasta logs} asks every source for: the filter, and the last N lines or a time range.
 *
 * @param lines the last N (when no time is given)
 */
public record LogQuery(
    String service,
    LogFilter filter,
    OptionalInt lines,
    Optional<Instant> from,
    Optional<Instant> to) {
  /** Whether a time range is asked (else the last N lines). */
  public boolean byTime() {
    return from.isPresent() || to.isPresent();
  }

  /** As the API's query string (with the leading {@code ?}), for the read or the stream. */
  public String queryString(boolean stream) {
    List<String> params = new ArrayList<>();
    params.add("components=" + encode(String.join(",", filter.components())));
    if (!filter.clusters().isEmpty()) {
      params.add("clusters=" + encode(String.join(",", filter.clusters())));
    }
    if (!filter.instances().isEmpty()) {
      params.add("instances=" + encode(String.join(",", filter.instances())));
    }
    filter.taskId().ifPresent(t -> params.add("task=" + encode(t)));
    if (!stream) {
      if (byTime()) {
        from.ifPresent(t -> params.add("from=" + encode(t.toString())));
        to.ifPresent(t -> params.add("to=" + encode(t.toString())));
        params.add("limit=100000");
      } else {
        params.add("lines=" + lines.orElse(100));
      }
    }
    return "?" + String.join("&", params);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
