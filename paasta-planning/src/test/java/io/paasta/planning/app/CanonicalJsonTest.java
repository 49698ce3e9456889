package io.paasta.planning.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.model.BounceMethod;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalJsonTest {
  static List<Arguments> values() {
    return List.of(
        Arguments.of(null, "null"),
        Arguments.of(true, "true"),
        Arguments.of(1024.0, "1024"),
        Arguments.of(-3.0, "-3"),
        Arguments.of(0.25, "0.25"),
        Arguments.of(1e20, "1.0E20"),
        Arguments.of(7, "7"),
        Arguments.of(7L, "7"),
        Arguments.of(1.5f, "1.5"),
        Arguments.of(new BigDecimal("2.50"), "2.50"),
        Arguments.of("a\"b\\c", "\"a\\\"b\\\\c\""),
        Arguments.of("\n\t\r\b\f\u0001", "\"\\n\\t\\r\\b\\f\\u0001\""),
        Arguments.of("é/€", "\"é/€\""),
        Arguments.of(BounceMethod.CROSSOVER, "\"crossover\""),
        Arguments.of(Optional.empty(), "null"),
        Arguments.of(Optional.of("x"), "\"x\""),
        Arguments.of(List.of(1, "a", List.of()), "[1,\"a\",[]]"),
        Arguments.of(Map.of(), "{}"));
  }

  @ParameterizedTest
  @MethodSource("values")
  void writesEachKindOfValue(Object value, String json) {
    assertThat(CanonicalJson.write(value)).isEqualTo(json);
  }

  @Test
  void sortsKeysAtEveryLevelWithoutWhitespace() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", 1);
    inner.put("a", null);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("b", List.of(inner));
    outer.put("A", 2.0);
    outer.put("a", "x");
    assertThat(CanonicalJson.write(outer))
        .isEqualTo("{\"A\":2,\"a\":\"x\",\"b\":[{\"a\":null,\"z\":1}]}");
  }

  @Test
  void rejectsWhatJsonCannotHold() {
    assertThatThrownBy(() -> CanonicalJson.write(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.write(new Object()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsBackWhatItWrites() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("s", "q\"\\\n\u0002é");
    value.put("n", null);
    value.put("l", Arrays.asList(1L, 2.5, true, false, null, Map.of("k", List.of())));
    String json = CanonicalJson.write(value);
    assertThat(JsonReader.parse(json)).isEqualTo(value);
  }

  @Test
  void readerAcceptsWhitespaceEscapesAndBigNumbers() {
    assertThat(JsonReader.parse(" { \"a\" : [ 1 , -2e3 ] , \"b\":\"\\u0041\\/\" } "))
        .isEqualTo(Map.of("a", List.of(1L, -2000.0), "b", "A/"));
    assertThat(JsonReader.parse("123456789012345678901234567890")).isEqualTo(1.2345678901234568e29);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "",
        "{",
        "{\"a\"}",
        "[1,]",
        "[1 2]",
        "tru",
        "\"abc",
        "01",
        "{\"a\":1} x",
        "\"\\x\""
      })
  void readerRejectsMalformedJson(String json) {
    assertThatThrownBy(() -> JsonReader.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON");
  }
}
