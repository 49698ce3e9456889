package io.paasta.config.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsObjectsOfStringsAsAJsonLibraryDoes() throws Exception {
    for (String text :
        List.of(
            "{}",
            " { \"a\" : \"b\" } ",
            "{\"message\": \"quote \\\" backslash \\\\ slash \\/ tab \\t nl \\n cr \\r\", \"x\": \"\"}",
            "{\"message\": \"caf\\u00e9 \\ud83d\\ude00 \\b\\f\", \"k\": \"v\"}",
            "{\"a\": \"1\", \"a\": \"2\"}")) {
      Map<?, ?> expected = JSON.readValue(text, Map.class);
      assertThat(FlatJson.parse(text)).as(text).isEqualTo(expected);
    }
  }

  @Test
  void anythingElseIsLeftToTheJsonLibrary() {
    for (String text :
        List.of(
            "{\"a\": 1}",
            "{\"a\": {\"b\": \"c\"}}",
            "{\"a\": null}",
            "{\"a\": \"cut by a cr",
            "{\"a\": \"b\"} trailing",
            "{\"a\": \"b\",}",
            "{\"a\": \"bad escape \\x\"}",
            "{\"a\": \"short \\u12\"}",
            "{\"a\": \"not ASCII hex \\u\u0661\u0661\u0664\u0661\"}",
            "{\"a\": \"a sign \\u+041\"}",
            "{\"a\": \"raw\u0001control\"}",
            "[\"a\"]",
            "")) {
      assertThat(FlatJson.parse(text)).as(text).isNull();
    }
  }
}
