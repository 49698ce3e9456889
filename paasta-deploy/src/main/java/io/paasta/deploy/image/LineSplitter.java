package io.paasta.deploy.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns chunks of streamed text (the Docker engine's build output) into whole lines: a line split
 * over two chunks comes out once, complete.
 */
final class LineSplitter {
  private final StringBuilder pending = new StringBuilder();

  /** The lines completed by this chunk, without their line ends. */
  List<String> add(String chunk) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < chunk.length(); i++) {
      char c = chunk.charAt(i);
      if (c == '\n') {
        lines.add(stripCarriageReturn(pending.toString()));
        pending.setLength(0);
      } else {
        pending.append(c);
      }
    }
    return lines;
  }

  /** What is left after the last line end, if anything. */
  List<String> finish() {
    if (pending.length() == 0) {
      return List.of();
    }
    String rest = stripCarriageReturn(pending.toString());
    pending.setLength(0);
    return List.of(rest);
  }

  private static String stripCarriageReturn(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
