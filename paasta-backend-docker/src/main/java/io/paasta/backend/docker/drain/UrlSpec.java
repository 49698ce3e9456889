package io.paasta.backend.docker.drain;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One URL of the http drain method: {@code {url_format: "http://{host}:{port}/drain", method:
 * "POST", success_codes: "200-299"}}; method defaults to GET and success_codes to 200, as in
 * PaaSTA. The format's fields are {@code {host}} (always 127.0.0.1), {@code {port}} (the task's
 * port0), {@code {service}} and {@code {instance}}.
 */
public record UrlSpec(String urlFormat, String method, SuccessCodes successCodes) {
  private static final Pattern FIELD = Pattern.compile("\\{([a-z_]*)\\}");

  /**
   * @throws IllegalArgumentException when the spec lacks url_format or has bad success codes
   */
  public static UrlSpec fromJson(String name, JsonNode node) {
    if (!node.isObject() || !node.path("url_format").isTextual()) {
      throw new IllegalArgumentException(
          name + " needs url_format, e.g. {\"url_format\": \"http://{host}:{port}/drain\"}");
    }
    JsonNode codes = node.path("success_codes");
    return new UrlSpec(
        node.path("url_format").asText(),
        node.path("method").asText("GET").toUpperCase(Locale.ROOT),
        codes.isMissingNode() || codes.isNull()
            ? SuccessCodes.DEFAULT
            : SuccessCodes.parse(codes.asText()));
  }

  /**
   * The URL for a task.
   *
   * @throws IllegalArgumentException when the format names a field there is no value for
   */
  public URI url(Map<String, String> fields) {
    Matcher matcher = FIELD.matcher(urlFormat);
    StringBuilder url = new StringBuilder();
    while (matcher.find()) {
      String value = fields.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "url_format "
                + urlFormat
                + " names {"
                + matcher.group(1)
                + "}, which is none of "
                + fields.keySet());
      }
      matcher.appendReplacement(url, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(url);
    return URI.create(url.toString());
  }
}
