package io.paasta.config.soa;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problems;
import io.paasta.model.MonitoringConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC section 1's precedence for every monitoring key alerts are routed by, from the four sources
 * to the domain record: the instance's {@code monitoring:} dict > monitoring.yaml > service.yaml's
 * {@code monitoring:} > service.yaml's top-level key > the built-in default. Each row sets the key
 * in the winning source and in every source below it (each with its own value), and not above it.
 */
class MonitoringPrecedenceTest {
  private static final List<String> SOURCES =
      List.of("instance", "monitoring.yaml", "service.monitoring", "service");

  /** Each key, how the record shows it, its value per source, and its default. */
  private record Key(
      String name, Function<MonitoringConfig, Object> read, List<Object> values, Object fallback) {}

  private static final List<Key> KEYS =
      List.of(
          text("team", MonitoringConfig::team),
          text("notification_email", MonitoringConfig::notificationEmail),
          text("runbook", MonitoringConfig::runbook),
          text("tip", MonitoringConfig::tip),
          text("project", MonitoringConfig::project),
          text("priority", MonitoringConfig::priority),
          new Key("page", MonitoringConfig::page, List.of(true, false, true, false), false),
          new Key("page", MonitoringConfig::page, List.of(false, true, false, true), false),
          new Key("ticket", MonitoringConfig::ticket, List.of(true, false, true, false), false),
          new Key("ticket", MonitoringConfig::ticket, List.of(false, true, false, true), false),
          list("irc_channels", MonitoringConfig::ircChannels),
          list("slack_channels", MonitoringConfig::slackChannels),
          list("tags", MonitoringConfig::tags),
          duration("alert_after", MonitoringConfig::alertAfter),
          duration("check_every", MonitoringConfig::checkEvery),
          new Key(
              "realert_every",
              MonitoringConfig::realertEvery,
              List.of(-1, 2, 3, 4),
              Optional.empty()));

  static Stream<Arguments> rows() {
    List<Arguments> rows = new ArrayList<>();
    for (Key key : KEYS) {
      for (int winner = 0; winner <= SOURCES.size(); winner++) {
        String winnerName = winner < SOURCES.size() ? SOURCES.get(winner) : "default";
        rows.add(Arguments.of(key.name(), winnerName, key, winner));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("rows")
  void theHighestSourceThatSetsAKeyWins(String name, String winnerName, Key key, int winner) {
    List<Map<String, Object>> sources = new ArrayList<>();
    for (int level = 0; level < SOURCES.size(); level++) {
      Map<String, Object> source = new HashMap<>();
      if (level >= winner) {
        source.put(key.name(), key.values().get(level));
      }
      sources.add(source);
    }
    Map<String, Object> serviceYaml = new LinkedHashMap<>(sources.get(3));
    serviceYaml.put("monitoring", sources.get(2));
    Problems problems = new Problems();
    MonitoringConfig config =
        MonitoringResolver.resolveConfig(
            sources.get(0),
            sources.get(1),
            serviceYaml,
            "main",
            path -> Location.of("web/monitoring.yaml"),
            problems);
    assertThat(problems.list()).isEmpty();
    Object expected =
        winner < SOURCES.size() ? recordForm(key, key.values().get(winner)) : key.fallback();
    assertThat(key.read().apply(config)).isEqualTo(expected);
  }

  /** How the record holds a value written in YAML. */
  private static Object recordForm(Key key, Object written) {
    if (written instanceof Boolean || written instanceof List<?>) {
      return written;
    }
    return Optional.of(String.valueOf(written));
  }

  private static Key text(String name, Function<MonitoringConfig, Optional<String>> read) {
    return new Key(
        name,
        read::apply,
        List.of("from-instance", "from-monitoring-yaml", "from-service-monitoring", "from-service"),
        Optional.empty());
  }

  private static Key list(String name, Function<MonitoringConfig, List<String>> read) {
    return new Key(
        name,
        read::apply,
        List.of(List.of("#instance"), List.of("#file", "#x"), List.of("#svcmon"), List.of("#svc")),
        List.of());
  }

  private static Key duration(String name, Function<MonitoringConfig, Optional<String>> read) {
    return new Key(name, read::apply, List.of("1m", "2m", "3m", "4m"), Optional.empty());
  }
}
