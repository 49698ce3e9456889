package io.paasta.cli.output;

import java.util.Optional;

/**
 * Renders the picocli markup the CLI writes ({@code @|green text|@}, {@code @|red,bold text|@})
 * without picocli, as picocli's {@code Ansi.ON} and {@code Ansi.OFF} render it. Only plain text and
 * well-formed spans of the colours green, red, yellow and cyan and of bold and faint are rendered;
 * anything else (an unknown style, an empty span, a stray marker) is empty: picocli must render it.
 */
public final class AnsiMarkup {
  private static final String OPEN = "@|";
  private static final String CLOSE = "|@";
  private static final String ESC = "\u001B[";

  private AnsiMarkup() {}

  /** The text of {@code markup}, with escapes when {@code ansi}; empty when picocli must say. */
  public static Optional<String> render(String markup, boolean ansi) {
    StringBuilder out = new StringBuilder(markup.length() + 16);
    int at = 0;
    while (at < markup.length()) {
      int open = markup.indexOf(OPEN, at);
      String plain = open < 0 ? markup.substring(at) : markup.substring(at, open);
      if (plain.contains(CLOSE)) {
        return Optional.empty();
      }
      out.append(plain);
      if (open < 0) {
        break;
      }
      int space = markup.indexOf(' ', open);
      int close = markup.indexOf(CLOSE, open + OPEN.length());
      if (space < 0 || close < 0 || close <= space + 1) {
        return Optional.empty();
      }
      String text = markup.substring(space + 1, close);
      if (text.contains(OPEN)) {
        return Optional.empty();
      }
      String[] styles = markup.substring(open + OPEN.length(), space).split(",", -1);
      StringBuilder on = new StringBuilder();
      StringBuilder off = new StringBuilder();
      for (String style : styles) {
        String[] codes = codes(style);
        if (codes == null) {
          return Optional.empty();
        }
        on.append(ESC).append(codes[0]).append('m');
        off.insert(0, ESC + codes[1] + "m");
      }
      if (ansi) {
        out.append(on).append(text).append(off).append(ESC).append("0m");
      } else {
        out.append(text);
      }
      at = close + CLOSE.length();
    }
    return Optional.of(out.toString());
  }

  /** The codes that turn a style on and off; null for a style not rendered here. */
  private static String[] codes(String style) {
    return switch (style) {
      case "green" -> new String[] {"32", "39"};
      case "red" -> new String[] {"31", "39"};
      case "yellow" -> new String[] {"33", "39"};
      case "cyan" -> new String[] {"36", "39"};
      case "bold" -> new String[] {"1", "21"};
      case "faint" -> new String[] {"2", "22"};
      default -> null;
    };
  }
}
