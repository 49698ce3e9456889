package io.paasta.planning.jobs;

import io.paasta.model.InstanceRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parent links between the cluster's jobs (across services): which parents are unknown, which
 * jobs are caught in a cycle, a job's children and its connected graph in dependency order.
 */
public final class JobGraph {
  private static final int LISTED = 10;
  private static final Comparator<InstanceRef> BY_NAME =
      Comparator.comparing(InstanceRef::service)
          .thenComparing(InstanceRef::instance)
          .thenComparing(InstanceRef::cluster);

  private final Map<InstanceRef, DesiredJob> jobs;
  private final Map<InstanceRef, List<InstanceRef>> children = new HashMap<>();
  private final Map<InstanceRef, String> problems = new LinkedHashMap<>();
  private final List<InstanceRef> order = new ArrayList<>();

  /** Jobs with a parent, and their known parents: the only ones a cycle or an order concerns. */
  private final Set<InstanceRef> linked = new HashSet<>();

  private JobGraph(Map<InstanceRef, DesiredJob> jobs) {
    this.jobs = jobs;
    for (DesiredJob job : jobs.values()) {
      for (InstanceRef parent : job.parents()) {
        linked.add(job.ref());
        if (jobs.containsKey(parent)) {
          linked.add(parent);
          children.computeIfAbsent(parent, p -> new ArrayList<>()).add(job.ref());
        }
      }
    }
    unknownParents();
    sortAndFindCycles();
  }

  public static JobGraph of(Map<InstanceRef, DesiredJob> jobs) {
    return new JobGraph(jobs);
  }

  /** Why a job cannot run because of its parents: one unknown, or a cycle among them. */
  public Map<InstanceRef, String> problems() {
    return problems;
  }

  /** The jobs whose parents include {@code ref}. */
  public List<InstanceRef> children(InstanceRef ref) {
    return children.getOrDefault(ref, List.of());
  }

  /**
   * Every job linked to {@code ref} by parent links in either direction, {@code ref} included,
   * parents before children (jobs caught in a cycle last).
   */
  public List<InstanceRef> connected(InstanceRef ref) {
    Set<InstanceRef> seen = new HashSet<>();
    Deque<InstanceRef> todo = new ArrayDeque<>(List.of(ref));
    while (!todo.isEmpty()) {
      InstanceRef next = todo.pop();
      if (!seen.add(next)) {
        continue;
      }
      todo.addAll(children(next));
      DesiredJob job = jobs.get(next);
      if (job != null) {
        job.parents().stream().filter(jobs::containsKey).forEach(todo::add);
      }
    }
    List<InstanceRef> sorted = new ArrayList<>(order.stream().filter(seen::contains).toList());
    Set<InstanceRef> placed = new HashSet<>(sorted);
    seen.stream().filter(r -> !placed.contains(r)).sorted(BY_NAME).forEach(sorted::add);
    return sorted;
  }

  private void unknownParents() {
    for (DesiredJob job : jobs.values()) {
      List<String> unknown =
          job.parents().stream().filter(p -> !jobs.containsKey(p)).map(JobRuns::id).toList();
      if (!unknown.isEmpty()) {
        problems.put(
            job.ref(),
            "its parent(s) "
                + String.join(", ", unknown)
                + " are no job of cluster "
                + job.ref().cluster()
                + ": it does not run until they exist");
      }
    }
  }

  /** Kahn's sort: what is left once every job without pending parents is taken is in a cycle. */
  private void sortAndFindCycles() {
    Map<InstanceRef, Integer> pending = new HashMap<>();
    Deque<InstanceRef> ready = new ArrayDeque<>();
    linked.stream()
        .sorted(BY_NAME)
        .forEach(
            ref -> {
              int known = (int) jobs.get(ref).parents().stream().filter(jobs::containsKey).count();
              pending.put(ref, known);
              if (known == 0) {
                ready.add(ref);
              }
            });
    while (!ready.isEmpty()) {
      InstanceRef next = ready.poll();
      order.add(next);
      for (InstanceRef child : children(next)) {
        if (pending.merge(child, -1, Integer::sum) == 0) {
          ready.add(child);
        }
      }
    }
    if (order.size() == linked.size()) {
      return;
    }
    Set<InstanceRef> caught = new LinkedHashSet<>(linked);
    order.forEach(caught::remove);
    List<String> names = caught.stream().sorted(BY_NAME).map(JobRuns::id).toList();
    String listed =
        String.join(", ", names.subList(0, Math.min(LISTED, names.size())))
            + (names.size() > LISTED ? " and " + (names.size() - LISTED) + " more" : "");
    for (InstanceRef ref : caught) {
      problems.putIfAbsent(
          ref,
          "its parents form a cycle (or depend on one) among "
              + listed
              + ": it does not run until the cycle is broken");
    }
  }
}
