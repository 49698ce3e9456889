package io.paasta.deploy.pipeline;

import java.util.Set;
import java.util.regex.Pattern;

/** YAML scalars that read back as the same string in YAML 1.1 and 1.2 parsers. */
final class YamlText {
  private static final Pattern PLAIN = Pattern.compile("^[A-Za-z_$/.][^\\n\\r\\t\"'\\\\]*$");
  private static final Pattern NUMBER_LIKE = Pattern.compile("^[-+.0-9].*|.*[0-9]e[0-9].*");
  private static final Set<String> WORDS =
      Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null", "~");

  private YamlText() {}

  /** The text plain when that is safe, else double-quoted. */
  static String scalar(String text) {
    boolean plain =
        PLAIN.matcher(text).matches()
            && !text.contains(": ")
            && !text.contains(" #")
            && !text.endsWith(":")
            && !text.endsWith(" ")
            && !WORDS.contains(text.toLowerCase(java.util.Locale.ROOT))
            && !NUMBER_LIKE.matcher(text).matches();
    return plain ? text : quoted(text);
  }

  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
