package io.paasta.backend.docker.drain;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP status codes a drain URL counts as success, written as PaaSTA wrote them: codes and
 * ranges, comma-separated, e.g. {@code "200-299,302"} (or a bare number).
 */
public record SuccessCodes(List<Range> ranges) {
  public static final SuccessCodes DEFAULT = parse("200");

  /** Inclusive. */
  public record Range(int low, int high) {}

  public SuccessCodes {
    ranges = List.copyOf(ranges);
  }

  /**
   * @throws IllegalArgumentException when a part is neither a code nor a range of codes
   */
  public static SuccessCodes parse(String text) {
    List<Range> ranges = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      try {
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          int low = Integer.parseInt(p.substring(0, dash).trim());
          int high = Integer.parseInt(p.substring(dash + 1).trim());
          if (low > high) {
            throw new IllegalArgumentException("success code range \"" + p + "\" is empty");
          }
          ranges.add(new Range(low, high));
        } else {
          int code = Integer.parseInt(p);
          ranges.add(new Range(code, code));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "success_codes \"" + text + "\" is not codes and ranges such as \"200-299,302\"", e);
      }
    }
    return new SuccessCodes(ranges);
  }

  public boolean matches(int status) {
    return ranges.stream().anyMatch(r -> status >= r.low() && status <= r.high());
  }
}
