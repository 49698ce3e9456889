package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.api.model.Pod;
import io.paasta.planning.app.DesiredInstance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An instance's state in the words of SPEC section 14 ({@code Running}, {@code Launching replicas},
 * {@code Bouncing to <sha8>}, {@code Stopping}, {@code Stopped}), with its replicas counted by
 * state. Pure.
 */
public final class RolloutStatus {
  private RolloutStatus() {}

  /** {@code Bouncing to 0123abcd: 2/3 new ready, 1 old (2 Healthy, 1 Warming Up)}. */
  public static String of(DesiredInstance desired, InstanceObjects observed, Instant now) {
    List<Pod> pods = observed.pods();
    long ready = current(desired, pods).stream().filter(PodTasks::ready).count();
    int old = pods.size() - current(desired, pods).size();
    int want = desired.instances();
    String state = state(desired, observed);
    String head =
        switch (state) {
          case STOPPED -> state;
          case STOPPING -> state + ": " + pods.size() + " replica(s) left";
          case RUNNING, LAUNCHING -> state + ": " + ready + "/" + want + " ready";
          default -> state + ": " + ready + "/" + want + " new ready, " + old + " old";
        };
    return pods.isEmpty() ? head : head + " (" + replicas(pods, now) + ")";
  }

  static final String RUNNING = "Running";
  static final String LAUNCHING = "Launching replicas";
  static final String STOPPING = "Stopping";
  static final String STOPPED = "Stopped";

  /**
   * {@code Running}, {@code Launching replicas} (fewer ready than desired), {@code Bouncing to
   * <sha8>} (pods of another version left), {@code Stopping} or {@code Stopped}.
   */
  public static String state(DesiredInstance desired, InstanceObjects observed) {
    List<Pod> pods = observed.pods();
    List<Pod> current = current(desired, pods);
    if (desired.instances() == 0) {
      return pods.isEmpty() ? STOPPED : STOPPING;
    }
    if (current.size() < pods.size()) {
      return "Bouncing to " + desired.gitSha().substring(0, Math.min(8, desired.gitSha().length()));
    }
    return current.stream().filter(PodTasks::ready).count() < desired.instances()
        ? LAUNCHING
        : RUNNING;
  }

  /** Whether the rollout is over: only the desired app's pods, as many as desired, all ready. */
  public static boolean done(DesiredInstance desired, InstanceObjects observed) {
    List<Pod> current = current(desired, observed.pods());
    return current.size() == observed.pods().size()
        && current.size() == desired.instances()
        && current.stream().allMatch(PodTasks::ready);
  }

  private static List<Pod> current(DesiredInstance desired, List<Pod> pods) {
    return pods.stream().filter(p -> PodTasks.appId(p).equals(desired.appId())).toList();
  }

  /** {@code 2 Healthy, 1 Unscheduled (0/3 nodes are available)}, by state. */
  static String replicas(List<Pod> pods, Instant now) {
    Map<String, Long> counts =
        pods.stream()
            .map(p -> PodTasks.replica(p, now).text())
            .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }
}
