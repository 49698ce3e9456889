package io.paasta.deploy.pipeline;

/** Generated text, two spaces per level of indentation. */
final class Text {
  private final StringBuilder text = new StringBuilder();

  void line(int depth, String line) {
    if (!line.isEmpty()) {
      text.append("  ".repeat(depth)).append(line);
    }
    text.append('\n');
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
