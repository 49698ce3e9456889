package io.paasta.config.problem;

import java.util.List;

/** How problems name a place inside a file: {@code main.env.FOO}, {@code pipeline[2].step}. */
public final class KeyPath {
  private KeyPath() {}

  /** Dict keys joined with '.', list indexes (Integers) as {@code [i]}. */
  public static String subject(List<?> path) {
    StringBuilder out = new StringBuilder();
    for (Object segment : path) {
      if (segment instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(segment);
      }
    }
    return out.toString();
  }
}
