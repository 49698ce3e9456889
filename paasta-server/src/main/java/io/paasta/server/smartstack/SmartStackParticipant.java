package io.paasta.server.smartstack;

import io.paasta.discovery.registration.RegistrationPlan;
import io.paasta.discovery.registration.RegistrationPlanner;
import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.server.DaemonLog;
import io.paasta.server.loop.PassParticipant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SmartStack's part of each pass, before planning: registers exactly the instance's healthy,
 * non-draining tasks in ZooKeeper (none once it is gone from soa-configs), and marks each task UP
 * in HAProxy or not, for {@code check_haproxy} ({@link HaproxyMarks}).
 */
public final class SmartStackParticipant implements PassParticipant {
  private final SmartStack smartStack;
  private final HaproxyMarks marks;
  private final RegistrationPlanner planner;
  private final DaemonLog log;
  private final Map<InstanceRef, List<String>> lastProblems = new ConcurrentHashMap<>();

  public SmartStackParticipant(SmartStack smartStack, RegistrationPlanner planner, DaemonLog log) {
    this.smartStack = smartStack;
    this.marks = new HaproxyMarks(smartStack::namespaces, smartStack::stats);
    this.planner = planner;
    this.log = log;
  }

  @Override
  public ObservedInstance observed(
      InstanceRef ref, Optional<LongRunningConfig> config, ObservedInstance observed) {
    if (config.isEmpty()) {
      smartStack.registrar().sync(ref, Set.of());
      lastProblems.remove(ref);
      return observed;
    }
    RoutedNamespaces namespaces = smartStack.namespaces();
    RegistrationPlan plan = planner.plan(config.get(), namespaces.all(), observed.tasks());
    report(ref, plan.problems());
    smartStack.registrar().sync(ref, plan.registrations());
    return markInHaproxy(config.get(), observed);
  }

  /** The tasks, each marked UP in HAProxy or not (see {@link HaproxyMarks}). */
  public ObservedInstance markInHaproxy(LongRunningConfig config, ObservedInstance observed) {
    return marks.mark(config, observed);
  }

  private void report(InstanceRef ref, List<String> problems) {
    List<String> before = lastProblems.put(ref, problems);
    if (!problems.equals(before)) {
      problems.forEach(p -> log.warn(ref.service() + "." + ref.instance(), p));
    }
  }
}
