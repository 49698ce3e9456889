package io.paasta.config.yaml;

import io.paasta.config.problem.Problem;
import java.util.List;

/**
 * A parsed config file: its root value ({@code null} for an empty file; maps have String keys once
 * the file is valid) and where each key was written.
 *
 * @param file the file relative to its root directory, as problems name it
 * @param warnings what reading noticed but did not stop at (keys written twice)
 */
public record ParsedFile(String file, Object root, Locator locator, List<Problem> warnings) {

  public ParsedFile {
    warnings = List.copyOf(warnings);
  }

  public ParsedFile(String file, Object root, Locator locator) {
    this(file, root, locator, List.of());
  }

  /** The 1-based line of a key path; see {@link Locator#lineOf}. */
  public int lineOf(List<?> path) {
    return locator.lineOf(path);
  }

  public boolean isEmpty() {
    return root == null;
  }
}
