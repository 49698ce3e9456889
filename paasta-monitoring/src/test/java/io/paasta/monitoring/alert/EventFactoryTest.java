package io.paasta.monitoring.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.model.MonitoringConfig;
import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.CheckResult;
import io.paasta.monitoring.check.CheckStatus;
import io.paasta.monitoring.send.EventJson;
import io.paasta.monitoring.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Events as SPEC section 8 writes them, routed by the monitoring config. */
class EventFactoryTest {
  private static final CheckResult CRITICAL =
      new CheckResult(
          "check_marathon_services_replication.web.main",
          CheckKind.REPLICATION,
          CheckStatus.CRITICAL,
          "Service web.main has 1 out of 3 expected instances available (threshold: 50%)");

  private final EventFactory factory = new EventFactory("norcal-prod");

  @Test
  void noTeamNoEvent() {
    assertThat(build(Fixtures.team(null))).isEmpty();
  }

  @Test
  void everyMonitoringKeyIsRoutedIntoTheEventJson() throws Exception {
    MonitoringConfig monitoring =
        new MonitoringConfig(
            Optional.of("web-team"),
            Optional.of("web@example.com"),
            true,
            Optional.of("y/rb-web"),
            Optional.of("restart it"),
            true,
            Optional.of("WEB"),
            List.of("#web"),
            List.of("#web-alerts", "#oncall"),
            Optional.of("5m"),
            Optional.of("3"),
            Optional.of("30s"),
            Optional.of("P2"),
            List.of("web", "critical"),
            Map.of());
    AlertPolicy policy = AlertPolicies.resolve(monitoring, CheckKind.REPLICATION).policy();
    Event event =
        factory
            .build(Fixtures.WEB_MAIN, monitoring, policy, CRITICAL, Transition.ALERT, Fixtures.NOW)
            .orElseThrow();
    Map<String, Object> json = parse(event);
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("name", "check_marathon_services_replication.web.main");
    expected.put("status", 2);
    expected.put(
        "output", "Service web.main has 1 out of 3 expected instances available (threshold: 50%)");
    expected.put("handler", "default");
    expected.put("team", "web-team");
    expected.put("runbook", "y/rb-web");
    expected.put("tip", "restart it");
    expected.put("page", true);
    expected.put("notification_email", "web@example.com");
    expected.put("irc_channels", List.of("#web"));
    expected.put("slack_channels", List.of("#web-alerts", "#oncall"));
    expected.put("ticket", true);
    expected.put("project", "WEB");
    expected.put("priority", "P2");
    expected.put("tags", List.of("web", "critical"));
    expected.put("alert_after", 300);
    expected.put("realert_every", 3);
    expected.put("check_every", 30);
    expected.put("interval", 30);
    expected.put("source", "paasta-norcal-prod");
    expected.put("ttl", null);
    assertThat(json).containsExactlyEntriesOf(expected);
  }

  @Test
  void defaultsAreThoseOfPaasta() throws Exception {
    Event event = build(Fixtures.team("web")).orElseThrow();
    Map<String, Object> json = parse(event);
    assertThat(json.get("runbook")).isEqualTo(EventFactory.DEFAULT_RUNBOOK);
    assertThat(json.get("tip")).isEqualTo(EventFactory.DEFAULT_TIP);
    assertThat(json.get("page")).isEqualTo(false);
    assertThat(json.get("ticket")).isEqualTo(false);
    assertThat(json.get("notification_email")).isNull();
    assertThat(json.get("irc_channels")).isEqualTo(List.of());
    assertThat(json.get("realert_every")).isEqualTo(-1);
    assertThat(json.get("alert_after")).isEqualTo(120);
    assertThat(json.get("check_every")).isEqualTo(60);
    assertThat(event.alertAfter()).isEqualTo(Duration.ofMinutes(2));
  }

  private static Map<String, Object> parse(Event event) throws Exception {
    return new ObjectMapper()
        .readValue(
            EventJson.toJson(event),
            new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
  }

  private Optional<Event> build(MonitoringConfig monitoring) {
    return factory.build(
        Fixtures.WEB_MAIN,
        monitoring,
        AlertPolicy.defaults(CheckKind.REPLICATION),
        CRITICAL,
        Transition.ALERT,
        Fixtures.NOW);
  }
}
