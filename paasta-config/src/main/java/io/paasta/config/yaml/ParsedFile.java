package io.paasta.config.yaml;

import java.util.List;

/**
 * A parsed config file: its root value ({@code null} for an empty file; maps have String keys once
 * the file is valid) and where each key was written.
 *
 * @param file the file relative to its root directory, as problems name it
 */
public record ParsedFile(String file, Object root, Locator locator) {

  /** The 1-based line of a key path; see {@link Locator#lineOf}. */
  public int lineOf(List<?> path) {
    return locator.lineOf(path);
  }

  public boolean isEmpty() {
    return root == null;
  }
}
