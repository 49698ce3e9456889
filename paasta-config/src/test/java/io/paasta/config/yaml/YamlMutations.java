package io.paasta.config.yaml;

import java.util.List;
import java.util.Random;

/**
 * Random edits of a YAML file's lines, for the tests that compare a reader of ours with SnakeYAML
 * on many near-valid files: a character removed or inserted, a line doubled, removed, indented,
 * dedented or swapped with the next, a value replaced, a line of a value inserted, a value cut.
 */
final class YamlMutations {
  private final String pieces;
  private final String[] values;
  private final boolean insertValueLines;

  /**
   * @param pieces the characters an insertion picks from
   * @param values what a replaced (or inserted) value may become
   * @param insertValueLines whether an edit may insert a line holding one of the values
   */
  YamlMutations(String pieces, String[] values, boolean insertValueLines) {
    this.pieces = pieces;
    this.values = values.clone();
    this.insertValueLines = insertValueLines;
  }

  /** Applies one random edit to the lines. */
  void mutate(List<String> lines, Random random) {
    if (lines.isEmpty()) {
      lines.add("a: {}");
      return;
    }
    int at = random.nextInt(lines.size());
    String line = lines.get(at);
    int kinds = insertValueLines ? 11 : 9;
    int kind = random.nextInt(kinds);
    switch (kind) {
      case 0 -> {
        if (!line.isEmpty()) {
          int c = random.nextInt(line.length());
          lines.set(at, line.substring(0, c) + line.substring(c + 1));
        }
      }
      case 1 -> {
        int c = random.nextInt(line.length() + 1);
        char piece = pieces.charAt(random.nextInt(pieces.length()));
        lines.set(at, line.substring(0, c) + piece + line.substring(c));
      }
      case 2 -> lines.add(at, line);
      case 3 -> lines.remove(at);
      case 4 -> lines.set(at, " ".repeat(1 + random.nextInt(2)) + line);
      case 5 -> lines.set(at, line.startsWith(" ") ? line.substring(1) : line);
      case 6 -> {
        if (at + 1 < lines.size()) {
          lines.set(at, lines.get(at + 1));
          lines.set(at + 1, line);
        }
      }
      default -> {
        if (kind < kinds - (insertValueLines ? 2 : 1)) {
          int colon = line.indexOf(": ");
          String value = values[random.nextInt(values.length)];
          lines.set(at, colon < 0 ? line + " " + value : line.substring(0, colon + 2) + value);
        } else if (insertValueLines && kind == kinds - 2) {
          String indent = line.substring(0, line.length() - line.stripLeading().length());
          lines.add(
              at, indent + values[random.nextInt(values.length)].replace("\n", "\n" + indent));
        } else {
          int colon = line.indexOf(':');
          if (colon >= 0) {
            lines.set(at, line.substring(0, colon + 1));
          }
        }
      }
    }
  }
}
