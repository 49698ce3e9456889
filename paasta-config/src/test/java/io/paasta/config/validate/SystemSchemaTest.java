package io.paasta.config.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.problem.Problem;
import io.paasta.config.yaml.Locator;
import io.paasta.config.yaml.ParsedFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The system-config keys of event senders (monitoring_senders, event_*). */
class SystemSchemaTest {
  private final SchemaValidator validator = new SchemaValidator();

  @Test
  void senderKeysAreAccepted() {
    assertThat(
            validate(
                Map.of(
                    "monitoring_senders",
                    List.of("log", "sensu", "webhook"),
                    "event_webhook_url",
                    "http://127.0.0.1:9000/events",
                    "event_webhook_headers",
                    Map.of("Authorization", "Bearer x"),
                    "event_queue_size",
                    1000,
                    "event_send_timeout_ms",
                    2000,
                    "event_send_attempts",
                    5)))
        .isEmpty();
  }

  @Test
  void wrongSenderValuesAreErrorsNamingTheKey() {
    List<Problem> problems =
        validate(
            Map.of(
                "monitoring_senders",
                List.of("pager"),
                "event_webhook_url",
                "ftp://x",
                "event_queue_size",
                0,
                "event_send_attempts",
                "5"));
    assertThat(problems).allMatch(Problem::isError);
    assertThat(problems)
        .extracting(Problem::subject)
        .contains(
            "monitoring_senders[0]",
            "event_webhook_url",
            "event_queue_size",
            "event_send_attempts");
  }

  private List<Problem> validate(Map<String, Object> keys) {
    Map<String, Object> config = new LinkedHashMap<>(keys);
    config.put("cluster", "local");
    config.put("docker_registry", "127.0.0.1:5000");
    return validator.validateSystemConfig(
        new ParsedFile("/etc/paasta/*.json", config, Locator.NONE));
  }
}
