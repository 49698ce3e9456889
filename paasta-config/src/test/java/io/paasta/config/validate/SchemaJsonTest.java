package io.paasta.config.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema reader gives the values Jackson's streaming parser gives, classes and order included.
 */
class SchemaJsonTest {
  private static final JsonFactory JACKSON = new JsonFactory();

  @Test
  void everyShippedSchemaReadsAsJacksonReadsIt() throws IOException {
    Path folder = Path.of("src/main/resources/schemas");
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      assertSame(file.getFileName().toString(), bytes);
    }
  }

  @Test
  void numbersStringsAndNestingAsJackson() throws IOException {
    for (String json :
        List.of(
            "0",
            "-0",
            "7",
            "-2147483648",
            "2147483647",
            "2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "1.5",
            "-0.0",
            "0.1",
            "1e3",
            "1E+3",
            "2.5e-3",
            "1e400",
            "\"\"",
            "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"",
            "\"\\u00e9\\u0041\\ud83d\\ude00 \u00e9t\u00e9 \uD83D\uDE00\"",
            "true",
            "false",
            "null",
            "[]",
            "{}",
            " [ 1 , [ 2 , { } ] , { \"a\" : [ ] } ] ",
            "{\"b\": 1, \"a\": 2, \"b\": 3}",
            "{\"x\": {\"y\": [true, false, null, -1.25E2]}}\n")) {
      assertSame(json, json.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void whatIsNotJsonIsRefused() {
    for (String json :
        List.of(
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "{a: 1}",
            "01",
            "1.",
            ".5",
            "1e",
            "-",
            "tru",
            "\"open",
            "\"bad \\x escape\"",
            "\"\\u12\"",
            "\"\\u-123\"",
            "\"\\u+12a\"",
            "\"\\u\u0661\u0661\u0661\u0661\"",
            "\"tab\tin string\"",
            "1 2",
            "\u0661")) {
      assertThatThrownBy(() -> SchemaJson.read(json.getBytes(StandardCharsets.UTF_8)))
          .as(json)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("not JSON at character ");
    }
  }

  private static void assertSame(String what, byte[] bytes) throws IOException {
    Object expected;
    try (JsonParser parser = JACKSON.createParser(bytes)) {
      parser.nextToken();
      expected = jackson(parser);
    }
    Object actual = SchemaJson.read(bytes);
    assertThat(actual).as(what).isEqualTo(expected);
    assertSameClasses(what, actual, expected);
  }

  private static void assertSameClasses(String what, Object actual, Object expected) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
      return;
    }
    assertThat(actual).as(what).isInstanceOf(expected.getClass());
    if (expected instanceof Map<?, ?> map) {
      assertThat(List.copyOf(((Map<?, ?>) actual).keySet()))
          .as(what)
          .isEqualTo(List.copyOf(map.keySet()));
      map.forEach((k, v) -> assertSameClasses(what + "." + k, ((Map<?, ?>) actual).get(k), v));
    } else if (expected instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        assertSameClasses(what + "[" + i + "]", ((List<?>) actual).get(i), list.get(i));
      }
    }
  }

  /** What QuickSchemaCheck made of a schema with Jackson's streaming parser before. */
  private static Object jackson(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          map.put(key, jackson(parser));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(jackson(parser));
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return parser.getNumberValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected " + token);
    }
  }
}
