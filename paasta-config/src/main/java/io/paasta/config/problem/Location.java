package io.paasta.config.problem;

/** A place in a file: the file relative to its root directory, and a 1-based line (0 unknown). */
public record Location(String file, int line, int column) {
  public static Location of(String file) {
    return new Location(file, 0, 0);
  }

  public static Location of(String file, int line) {
    return new Location(file, line, 0);
  }
}
