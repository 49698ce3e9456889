package io.paasta.backend.kubernetes.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.KubernetesNames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubernetesNamesTest {
  @ParameterizedTest(name = "{0}-{1} -> {2}")
  @CsvSource({
    "web, main, web-main",
    "my_service, canary_two, my--service-canary--two",
    "Web, Main, web-main",
    "svc, instance_name_that_is_long_enough_to_push_the_total_well_past_63, svc-instance--name--that--is--long--enough--to--push-ecf4d30a",
  })
  // the suffix is the first 8 hex of md5 of the whole sanitised name (checked with md5sum)
  void objectNames(String service, String instance, String expected) {
    String name = KubernetesNames.objectName(service, instance);
    assertThat(name).isEqualTo(expected).hasSizeLessThanOrEqualTo(63);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2",
  })
  void namesThatDifferPastTheCutStayDistinct(String name) {
    String one = KubernetesNames.sanitise(name, 63);
    String other = KubernetesNames.sanitise(name.substring(0, name.length() - 1) + "x", 63);
    assertThat(one).hasSize(63).isNotEqualTo(other);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "prod.main, prod.main",
    "0123456789abcdef0123456789abcdef01234567, 0123456789abcdef0123456789abcdef01234567",
    "'{cluster}.main', cluster-.main",
  })
  void labelValues(String value, String expected) {
    assertThat(KubernetesNames.labelValue(value)).isEqualTo(expected);
  }
}
