package io.paasta.monitoring.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.testing.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** alert_after, realert_every and check_every as monitoring.yaml writes them. */
class AlertPoliciesTest {
  @ParameterizedTest(name = "alert_after={0}, realert_every={1}, check_every={2}")
  @CsvSource(
      nullValues = "~",
      value = {
        // alert_after, realert_every, check_every -> alert after s, realert wire value, check every
        // s
        "~,     ~,   ~,   120,  -1, 60",
        "2m,    -1,  1m,  120,  -1, 60",
        "10m,   3,   30s, 600,  3,  30",
        "90,    1,   ~,   90,   1,  60",
        "1h30m, 0,   ~,   5400, -1, 60",
        "0s,    30m, 1m,  0,    30, 60",
        "5m,    1h,  10m, 300,  6,  600",
        "5m,    25m, 10m, 300,  3,  600",
        "1D,    ~,   1W,  86400, -1, 604800",
      })
  void readsTheKeys(
      String alertAfter, String realert, String checkEvery, long after, int wire, long every) {
    AlertPolicies.Resolved resolved =
        AlertPolicies.resolve(
            Fixtures.monitoring("web", alertAfter, realert, checkEvery), CheckKind.REPLICATION);
    assertThat(resolved.problems()).isEmpty();
    assertThat(resolved.policy().alertAfter()).isEqualTo(Duration.ofSeconds(after));
    assertThat(resolved.policy().realert().wireValue()).isEqualTo(wire);
    assertThat(resolved.policy().checkEvery()).isEqualTo(Duration.ofSeconds(every));
  }

  @Test
  void eachCheckHasItsOwnDefaultAlertAfter() {
    assertThat(
            AlertPolicies.resolve(Fixtures.team("web"), CheckKind.REPLICATION)
                .policy()
                .alertAfter())
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(AlertPolicies.resolve(Fixtures.team("web"), CheckKind.DEPLOY).policy().alertAfter())
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(AlertPolicies.resolve(Fixtures.team("web"), CheckKind.OOM).policy().alertAfter())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void anAlertAfterFromMonitoringYamlWinsOverTheCheckDefault() {
    assertThat(
            AlertPolicies.resolve(Fixtures.monitoring("web", "30m", null, null), CheckKind.DEPLOY)
                .policy()
                .alertAfter())
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void unreadableValuesAreReportedAndReplacedByDefaults() {
    AlertPolicies.Resolved resolved =
        AlertPolicies.resolve(Fixtures.monitoring("web", "soon", "-5", "0"), CheckKind.REPLICATION);
    assertThat(resolved.policy()).isEqualTo(AlertPolicy.defaults(CheckKind.REPLICATION));
    assertThat(resolved.problems())
        .containsExactly(
            "alert_after: 'soon' is not a duration such as 30s, 2m or 1h (or a number of seconds); using the check's default",
            "check_every: '0' is not a positive duration such as 30s, 2m or 1h (or a number of seconds);"
                + " using 1m",
            "realert_every: '-5' is not -1 (exponential backoff), a positive number of checks or a duration"
                + " such as 30m; using -1");
  }
}
