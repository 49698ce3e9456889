package io.paasta.backend.docker.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuccessCodesTest {
  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "'200-299,302', 200, true",
    "'200-299,302', 299, true",
    "'200-299,302', 302, true",
    "'200-299,302', 301, false",
    "'200-299,302', 404, false",
    "200, 200, true",
    "200, 201, false",
    "' 200 - 204 , 418 ', 418, true"
  })
  void codesAndRanges(String codes, int status, boolean matches) {
    assertThat(SuccessCodes.parse(codes).matches(status)).isEqualTo(matches);
  }

  @Test
  void badCodesAreNamed() {
    assertThatThrownBy(() -> SuccessCodes.parse("2xx"))
        .hasMessage("success_codes \"2xx\" is not codes and ranges such as \"200-299,302\"");
    assertThatThrownBy(() -> SuccessCodes.parse("300-200")).hasMessageContaining("is empty");
  }
}
