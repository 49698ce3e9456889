package io.paasta.cli.jobs;

import io.paasta.config.schedule.TimeVariables;
import io.paasta.model.JobConfig;
import io.paasta.model.ServiceInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules of {@code paasta rerun} that soa-configs alone can decide (SPEC section 6), before the
 * cluster is asked: a cmd with time variables needs {@code --execution_date}; a job with parents or
 * children needs {@code --rerun-type}; a disabled job needs {@code --force-disabled}. Pure.
 */
public final class RerunRules {
  static final String RERUN_TYPE_NEEDED =
      "Please specify the rerun policy via --rerun-type argument";

  private RerunRules() {}

  /** Why the rerun is refused, as lines to print; empty when it may go ahead. */
  public static Optional<List<String>> refusal(
      JobConfig job, RerunRequest request, JobGraph graph) {
    ServiceInstance id = job.ref().serviceInstance();
    String cmd = job.container().cmd().orElse("");
    if (request.executionDate().isEmpty() && TimeVariables.uses(cmd)) {
      return Optional.of(
          List.of(
              "\""
                  + job.ref().instance()
                  + "\" uses time variables interpolation, please supply a --execution_date"
                  + " argument"));
    }
    List<ServiceInstance> parents = graph.parents(id);
    List<ServiceInstance> children = graph.children(id);
    if (request.rerunType().isEmpty() && (!parents.isEmpty() || !children.isEmpty())) {
      List<String> lines = new ArrayList<>();
      lines.add(id + " has dependencies:");
      if (!parents.isEmpty()) {
        lines.add("  parents: " + names(parents));
      }
      if (!children.isEmpty()) {
        lines.add("  children: " + names(children));
      }
      lines.add(RERUN_TYPE_NEEDED);
      return Optional.of(lines);
    }
    if (job.disabled() && !request.forceDisabled()) {
      return Optional.of(
          List.of(
              id
                  + " is disabled in cluster "
                  + job.ref().cluster()
                  + " (disabled: true in "
                  + job.ref().kind().fileName(job.ref().cluster())
                  + ") - add -f/--force-disabled to run it anyway"));
    }
    return Optional.empty();
  }

  private static String names(List<ServiceInstance> jobs) {
    return jobs.stream().map(ServiceInstance::toString).collect(Collectors.joining(", "));
  }
}
