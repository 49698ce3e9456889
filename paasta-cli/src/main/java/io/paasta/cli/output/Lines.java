package io.paasta.cli.output;

/** Where a command's text goes: plain lines, and lines of picocli markup ({@link Output}). */
public interface Lines {
  void line(String text);

  /** A line with markup such as {@code @|red,bold text|@}. */
  void styled(String markup);
}
