package io.paasta.config.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects problems: validation reports every problem rather than stopping at the first. */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();

  public void add(Problem problem) {
    list.add(problem);
  }

  public void addAll(List<Problem> problems) {
    list.addAll(problems);
  }

  public boolean hasErrors() {
    return list.stream().anyMatch(Problem::isError);
  }

  public List<Problem> list() {
    return Collections.unmodifiableList(list);
  }
}
