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

  /**
   * Adds a problem of a tree-policy rule: {@code paasta validate} refuses it as any other, the
   * daemon only warns (see {@link Problem.Scope}).
   */
  public void addTreePolicy(Problem problem) {
    list.add(problem.asTreePolicy());
  }

  public void addAll(List<Problem> problems) {
    list.addAll(problems);
  }

  public boolean hasErrors() {
    return list.stream().anyMatch(Problem::isError);
  }

  /**
   * {@code primary}, plus the {@code secondary} problems about places (file, line and subject) that
   * {@code primary} says nothing of: for two checkers that may report one mistake twice.
   */
  public static List<Problem> mergeByPlace(List<Problem> primary, List<Problem> secondary) {
    java.util.Set<String> places = new java.util.HashSet<>();
    primary.forEach(p -> places.add(place(p)));
    List<Problem> all = new ArrayList<>(primary);
    secondary.stream().filter(p -> !places.contains(place(p))).forEach(all::add);
    return all;
  }

  private static String place(Problem problem) {
    return problem.file() + ":" + problem.line() + ":" + problem.subject();
  }

  public List<Problem> list() {
    return Collections.unmodifiableList(list);
  }
}
