package io.paasta.deploy.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An answer read by {@link BlockingHttp}: the status, the headers (names case-insensitive) and the
 * whole body as UTF-8 text ("" when there is none, e.g. for HEAD).
 */
public record HttpResponse(int status, Map<String, List<String>> headers, String body) {
  public HttpResponse {
    headers = headersOf(headers);
  }

  /** Whether the status is 2xx. */
  public boolean successful() {
    return status >= 200 && status <= 299;
  }

  /** The first value of a header, names compared without case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** An unmodifiable case-insensitive copy, without HttpURLConnection's null key (status line). */
  static Map<String, List<String>> headersOf(Map<String, List<String>> raw) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    raw.forEach(
        (name, values) -> {
          if (name != null) {
            copy.put(name, List.copyOf(values));
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
