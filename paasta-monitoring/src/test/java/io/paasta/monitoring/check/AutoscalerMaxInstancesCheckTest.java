package io.paasta.monitoring.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoscalerMaxInstancesCheckTest {
  private static final InstanceRef REF =
      new InstanceRef("web", "local", "main", InstanceKind.MARATHON);

  @ParameterizedTest(name = "current={0} max={1} u={2} setpoint={3} -> {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "4, 4, 0.9, 0.8, WARNING",
        "4, 4, 0.8, 0.8, OK",
        "3, 4, 0.99, 0.8, OK",
        "5, 4, 0.9, 0.8, WARNING",
        "4, 4, 0.1, 0.8, OK",
        "4, 4, -, 0.8, OK",
      })
  void warnsAtMaxWhileStillOverTheSetpoint(
      int current, int max, Double utilization, double setpoint, CheckStatus expected) {
    CheckResult result =
        AutoscalerMaxInstancesCheck.evaluate(
            REF,
            current,
            max,
            utilization == null ? OptionalDouble.empty() : OptionalDouble.of(utilization),
            setpoint);
    assertThat(result.status()).isEqualTo(expected);
    assertThat(result.name()).isEqualTo("check_autoscaler_max_instances.web.main");
    if (expected == CheckStatus.WARNING) {
      assertThat(result.output())
          .contains("web.main is at max_instances (" + max + ")")
          .contains("90% utilized, setpoint 80%");
    }
  }
}
