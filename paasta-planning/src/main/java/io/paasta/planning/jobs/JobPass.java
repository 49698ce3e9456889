package io.paasta.planning.jobs;

import io.paasta.model.InstanceRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@link JobPlanner} decided for one pass.
 *
 * @param actions to carry out in this order
 * @param wakeAt when the next pass is due (the earliest next run time or epsilon deadline); empty
 *     when only a task's exit or a change can make work
 * @param problems why a job cannot run (config, deployment, unknown parent, parent cycle), by job
 * @param countFrom jobs whose {@link JobHistory#countFrom} the scheduler sets (first seen, or
 *     disabled, or unable to run)
 * @param nothingDue what the scheduler keeps in each job's history ({@link JobHistory#knowing}) so
 *     that the next passes skip its schedule until then
 */
public record JobPass(
    List<JobAction> actions,
    Optional<Instant> wakeAt,
    Map<InstanceRef, String> problems,
    Map<InstanceRef, Instant> countFrom,
    Map<InstanceRef, JobHistory.NothingDue> nothingDue) {

  public JobPass {
    actions = List.copyOf(actions);
    problems = Map.copyOf(problems);
    countFrom = Map.copyOf(countFrom);
    nothingDue = Map.copyOf(nothingDue);
  }
}
