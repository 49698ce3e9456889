package io.paasta.deploy.image;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines of a command's output, kept for its error message. */
final class OutputTail {
  private final int capacity;
  private final Deque<String> lines = new ArrayDeque<>();

  OutputTail(int capacity) {
    this.capacity = capacity;
  }

  void add(String line) {
    if (line.isBlank()) {
      return;
    }
    if (lines.size() == capacity) {
      lines.removeFirst();
    }
    lines.addLast(line);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }
}
