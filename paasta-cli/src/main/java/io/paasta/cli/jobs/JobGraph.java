package io.paasta.cli.jobs;

import io.paasta.model.JobConfig;
import io.paasta.model.ServiceInstance;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The jobs of one cluster (every service's {@code chronos-<cluster>.yaml}) linked by their {@code
 * parents}: a job's parents, its children, and the connected graph a {@code --rerun-type graph}
 * runs, in dependency order. Pure: built from loaded configs.
 */
public final class JobGraph {
  private final Map<ServiceInstance, JobConfig> jobs = new TreeMap<>(JobGraph::compare);

  public JobGraph(List<JobConfig> jobs) {
    jobs.forEach(job -> this.jobs.put(job.ref().serviceInstance(), job));
  }

  /** The parents a job names, as written (a parent missing from the cluster included). */
  public List<ServiceInstance> parents(ServiceInstance job) {
    JobConfig config = jobs.get(job);
    return config == null ? List.of() : config.parents();
  }

  /** Whether the job's config says {@code disabled: true}. */
  public boolean disabled(ServiceInstance job) {
    JobConfig config = jobs.get(job);
    return config != null && config.disabled();
  }

  /** The jobs of the cluster that name {@code job} as a parent. */
  public List<ServiceInstance> children(ServiceInstance job) {
    return jobs.values().stream()
        .filter(j -> j.parents().contains(job))
        .map(j -> j.ref().serviceInstance())
        .toList();
  }

  /**
   * Every job connected to {@code job} through parents and children (itself included), parents
   * before their children; jobs of a cycle (which validate refuses) keep their name order.
   */
  public List<ServiceInstance> connected(ServiceInstance job) {
    Set<ServiceInstance> seen = new LinkedHashSet<>();
    Deque<ServiceInstance> todo = new ArrayDeque<>(List.of(job));
    while (!todo.isEmpty()) {
      ServiceInstance next = todo.pop();
      if (seen.add(next)) {
        parents(next).stream().filter(jobs::containsKey).forEach(todo::add);
        todo.addAll(children(next));
      }
    }
    return dependencyOrder(seen);
  }

  private List<ServiceInstance> dependencyOrder(Set<ServiceInstance> group) {
    List<ServiceInstance> ordered = new ArrayList<>();
    List<ServiceInstance> left = new ArrayList<>(group);
    left.sort(JobGraph::compare);
    while (!left.isEmpty()) {
      ServiceInstance ready =
          left.stream()
              .filter(j -> parents(j).stream().noneMatch(left::contains))
              .findFirst()
              .orElse(left.get(0));
      ordered.add(ready);
      left.remove(ready);
    }
    return ordered;
  }

  private static int compare(ServiceInstance a, ServiceInstance b) {
    return a.toString().compareTo(b.toString());
  }
}
