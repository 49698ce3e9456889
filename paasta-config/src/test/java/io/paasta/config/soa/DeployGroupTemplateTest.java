package io.paasta.config.soa;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeployGroupTemplateTest {
  private static final InstanceRef REF =
      new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "prod.everything | prod.everything",
        "{cluster}.{instance} | norcal.main",
        "{service}-{cluster} | web-norcal",
        "{{literal}}.{instance} | {literal}.main"
      })
  void fillsPlaceholders(String template, String expected) {
    assertThat(DeployGroupTemplate.fill(template, REF))
        .isEqualTo(new DeployGroupTemplate.Filled(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{region}.main | has an unknown placeholder {region}",
        "{cluster | has an unclosed '{'",
        "main} | has an unmatched '}'"
      })
  void reportsBadTemplates(String template, String reason) {
    assertThat(DeployGroupTemplate.fill(template, REF))
        .isEqualTo(new DeployGroupTemplate.Invalid(reason));
  }
}
