package io.paasta.monitoring.send;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.monitoring.alert.Event;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as one JSON object, the form PaaSTA (through pysensu-yelp) gave the Sensu client socket
 * and the webhook receives: the keys of SPEC section 8 plus {@code handler}, {@code interval},
 * {@code priority} and {@code tags}. Durations are whole seconds, as Yelp's Sensu handlers read
 * them: {@code alert_after}, {@code check_every} and {@code interval} (the same value), {@code ttl}
 * (null when unset).
 */
public final class EventJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventJson() {}

  /** The event's fields in a stable order. */
  public static Map<String, Object> fields(Event event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", event.name());
    json.put("status", event.status().code());
    json.put("output", event.output());
    json.put("handler", "default");
    json.put("team", event.team());
    json.put("runbook", event.runbook());
    json.put("tip", event.tip());
    json.put("page", event.page());
    json.put("notification_email", event.notificationEmail().orElse(null));
    json.put("irc_channels", event.ircChannels());
    json.put("slack_channels", event.slackChannels());
    json.put("ticket", event.ticket());
    json.put("project", event.project().orElse(null));
    json.put("priority", event.priority().orElse(null));
    json.put("tags", event.tags());
    json.put("alert_after", event.alertAfter().getSeconds());
    json.put("realert_every", event.realertEvery());
    json.put("check_every", event.checkEvery().getSeconds());
    json.put("interval", event.checkEvery().getSeconds());
    json.put("source", event.source());
    json.put("ttl", event.ttl().map(Duration::getSeconds).orElse(null));
    return json;
  }

  /** One line of JSON, no trailing newline. */
  public static String toJson(Event event) {
    try {
      return MAPPER.writeValueAsString(fields(event));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
