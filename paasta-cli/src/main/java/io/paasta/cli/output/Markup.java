package io.paasta.cli.output;

/**
 * Builds picocli markup ({@code @|green text|@}) from plain text, escaping the text; rendering with
 * {@code Ansi.ON} gives colours, with {@code Ansi.OFF} the plain text.
 */
public final class Markup {
  private Markup() {}

  /**
   * {@code text} in {@code style} (e.g. {@code green}, {@code red,bold}); empty text stays empty.
   */
  public static String style(String style, String text) {
    return text.isEmpty() ? "" : "@|" + style + " " + Output.escape(text) + "|@";
  }

  public static String plain(String text) {
    return Output.escape(text);
  }

  /** Pads plain text to {@code width} columns, then styles it, so that columns line up. */
  public static String padded(String style, String text, int width) {
    String pad = " ".repeat(Math.max(0, width - text.length()));
    return (style.isEmpty() ? plain(text) : style(style, text)) + pad;
  }

  /** Text without control characters (task output may hold terminal escapes). */
  public static String printable(String text) {
    return text.replaceAll("[\\p{Cntrl}&&[^\t]]", "");
  }
}
