package io.paasta.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The streaming read gives exactly what Jackson's default ObjectMapper gives (values of the same
 * classes, in the same order), or nothing when it cannot; the mapper is then asked.
 */
class PlainJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final List<String> DOCUMENTS =
      List.of(
          "{}",
          "[]",
          "null",
          "true",
          "\"text\"",
          "0",
          "-0",
          "-0.0",
          "42",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775807",
          "9223372036854775808",
          "123456789012345678901234567890",
          "1.5",
          "1e3",
          "1E-3",
          "-2.5e+10",
          "0.1000000000000000055511151231257827",
          "1.7976931348623157e309",
          "{\"cluster\": \"a\", \"docker_registry\": \"127.0.0.1:5000\","
              + " \"api_endpoints\": {\"a\": \"http://127.0.0.1:1\", \"b\": \"http://h:2/\"}}",
          "{\"a\": [1, 2.5, \"x\", null, true, false, {\"b\": []}, [[]]], \"c\": {}}",
          "  {\"unicode\": \"\\u00e9\\u2713 \\ud83d\\ude00 caf\u00e9\", \"esc\": \"a\\n\\t\\\"\\\\/\"}",
          "{\"order\": 1, \"matters\": 2, \"here\": 3, \"a\": 4}",
          "{\"a\": 1} trailing words",
          "[1, 2] [3]",
          "{\"\": \"empty key\", \"big\": 12345678901234567890, \"neg\": -9}");

  @Test
  void readsWhatTheMapperReads() throws Exception {
    for (String json : DOCUMENTS) {
      for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE)) {
        byte[] bytes = json.getBytes(charset);
        assertThat(PlainJson.read(bytes)).as(json).isPresent();
        Object plain = PlainJson.read(bytes).get().value();
        Object mapped = MAPPER.readValue(bytes, Object.class);
        assertThat(described(plain)).as(json + " in " + charset).isEqualTo(described(mapped));
      }
      JsonNode tree = PlainJson.tree(json).orElseThrow();
      assertThat(tree).as(json).isEqualTo(MAPPER.readTree(json));
      assertThat(described(tree)).as(json).isEqualTo(described(MAPPER.readTree(json)));
    }
  }

  @Test
  void leavesToTheMapperWhatItCannotReadTheSame() {
    for (String json :
        List.of(
            "",
            "   ",
            "{",
            "{\"a\": }",
            "{\"a\": 1,}",
            "[1, 2",
            "{\"a\": 1, \"a\": 2}",
            "{\"x\": {\"a\": {}, \"a\": []}}",
            "NaN",
            "{'a': 1}",
            "01",
            "\"unterminated")) {
      assertThat(PlainJson.read(json)).as(json).isEmpty();
      assertThat(PlainJson.read(json.getBytes(StandardCharsets.UTF_8))).as(json).isEmpty();
      assertThat(PlainJson.tree(json)).as(json).isEmpty();
    }
  }

  /** A value with the class of every part, so that 1 (Integer) and 1 (Long) differ. */
  private static String described(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder text = new StringBuilder(map.getClass().getSimpleName() + "{");
      map.forEach((k, v) -> text.append(k).append('=').append(described(v)).append(", "));
      return text.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder text = new StringBuilder(list.getClass().getSimpleName() + "[");
      list.forEach(v -> text.append(described(v)).append(", "));
      return text.append(']').toString();
    }
    if (value instanceof JsonNode node && node.isContainerNode()) {
      StringBuilder text = new StringBuilder(node.getClass().getSimpleName() + "(");
      if (node.isObject()) {
        node.fields()
            .forEachRemaining(
                e -> text.append(e.getKey()).append('=').append(described(e.getValue())));
      } else {
        node.forEach(v -> text.append(described(v)).append(", "));
      }
      return text.append(')').toString();
    }
    return value == null
        ? "null"
        : value.getClass().getSimpleName() + ":" + Objects.toString(value);
  }
}
