package io.paasta.planning.jobs;

import io.paasta.model.InstanceRef;
import io.paasta.model.schedule.RunTimes;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One job of the cluster's soa-configs as the {@link JobPlanner} needs it.
 *
 * @param times when it runs; empty for a job with parents (or a schedule that does not parse:
 *     {@code problem} then says so)
 * @param parents the jobs whose successful runs start it; empty for a scheduled job
 * @param maxAttempts {@code retries + 1}
 * @param disabled why it does not run ({@code disabled: true}, {@code paasta stop}); empty when it
 *     runs. A disabled job's scheduled and parent-triggered runs are killed; a forced rerun runs on
 * @param command the {@code cmd} as written (time variables not filled in)
 * @param zone {@code schedule_time_zone}: the zone its time variables are read in
 * @param template empty when no image is deployed for its deploy group ({@code problem} says so)
 * @param problem why it cannot run, from its config or deployment; empty when none
 */
public record DesiredJob(
    InstanceRef ref,
    Optional<RunTimes> times,
    List<InstanceRef> parents,
    Duration epsilon,
    int maxAttempts,
    Optional<String> disabled,
    String command,
    ZoneId zone,
    Optional<JobTemplate> template,
    Optional<String> problem) {

  public DesiredJob {
    parents = List.copyOf(parents);
  }

  /** {@code service.instance}, as PaaSTA names a job. */
  public String id() {
    return ref.service() + "." + ref.instance();
  }

  /** Whether it may start runs by itself: enabled, deployed, without a problem of its config. */
  public boolean runnable() {
    return disabled.isEmpty() && template.isPresent() && problem.isEmpty();
  }
}
