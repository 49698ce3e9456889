package io.paasta.bench.smartstack;

/** Progress lines on stderr (stdout holds only the table). */
final class Progress {
  private Progress() {}

  static void say(String format, Object... args) {
    System.err.println("[bench] " + String.format(format, args));
  }
}
