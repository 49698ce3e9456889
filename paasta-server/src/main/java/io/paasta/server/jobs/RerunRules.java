package io.paasta.server.jobs;

import io.paasta.config.schedule.TimeVariables;
import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.jobs.JobGraph;
import io.paasta.planning.jobs.JobHistory;
import io.paasta.planning.jobs.JobRuns;
import io.paasta.server.jobs.JobsView.RerunRefused;
import io.paasta.server.jobs.JobsView.RerunType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of {@code paasta rerun} (SPEC section 6): which jobs a rerun starts, or why it is
 * refused. {@code -d} is required when the cmd uses time variables; {@code --rerun-type} when the
 * job has parents or children (they are listed); a disabled job needs {@code -f}; {@code graph}
 * starts the jobs without parents of the job's connected graph, whose successes then start the rest
 * in dependency order.
 */
final class RerunRules {
  private RerunRules() {}

  /**
   * The jobs to start now, the asked job first when it is one of them.
   *
   * @throws RerunRefused with the message for the user
   */
  static List<DesiredJob> targets(
      InstanceRef ref,
      Map<InstanceRef, DesiredJob> all,
      Function<InstanceRef, Optional<JobHistory>> histories,
      Optional<Instant> executionDate,
      Optional<RerunType> type,
      boolean forceDisabled) {
    DesiredJob job = all.get(ref);
    if (job == null) {
      throw new RerunRefused(JobRuns.id(ref) + " is no job of cluster " + ref.cluster());
    }
    if (executionDate.isEmpty() && TimeVariables.uses(job.command())) {
      throw new RerunRefused(
          "\""
              + ref.instance()
              + "\" uses time variables interpolation, please supply a --execution_date argument");
    }
    JobGraph graph = JobGraph.of(all);
    List<InstanceRef> children = graph.children(ref);
    if (type.isEmpty() && (!job.parents().isEmpty() || !children.isEmpty())) {
      throw new RerunRefused(dependencies(job, children));
    }
    List<DesiredJob> targets = new ArrayList<>();
    if (type.orElse(RerunType.INSTANCE) == RerunType.INSTANCE) {
      targets.add(job);
    } else {
      for (InstanceRef member : graph.connected(ref)) {
        DesiredJob other = all.get(member);
        if (other.parents().isEmpty()) {
          targets.add(member.equals(ref) ? 0 : targets.size(), other);
        }
      }
    }
    targets.forEach(t -> check(t, histories.apply(t.ref()), forceDisabled));
    return targets;
  }

  private static String dependencies(DesiredJob job, List<InstanceRef> children) {
    StringBuilder text = new StringBuilder(job.id());
    if (!job.parents().isEmpty()) {
      text.append(" has parents: ").append(ids(job.parents()));
    }
    if (!children.isEmpty()) {
      text.append(job.parents().isEmpty() ? " has" : " and").append(" children: ");
      text.append(ids(children));
    }
    return text.append(". Please specify the rerun policy via --rerun-type argument").toString();
  }

  private static String ids(List<InstanceRef> refs) {
    return String.join(", ", refs.stream().map(JobRuns::id).sorted().toList());
  }

  private static void check(DesiredJob job, Optional<JobHistory> history, boolean force) {
    if (job.disabled().isPresent() && !force) {
      throw new RerunRefused(
          job.id() + " is " + job.disabled().get() + ": use --force-disabled to run it anyway");
    }
    if (job.template().isEmpty()) {
      throw new RerunRefused(job.id() + " cannot run: " + job.problem().orElse("not deployed"));
    }
    history
        .flatMap(JobHistory::running)
        .ifPresent(
            run -> {
              throw new RerunRefused(
                  job.id()
                      + " has a run in progress (run "
                      + run.runId()
                      + ", execution date "
                      + run.executionDate()
                      + "): runs of a job never overlap; try again once it has finished");
            });
  }
}
