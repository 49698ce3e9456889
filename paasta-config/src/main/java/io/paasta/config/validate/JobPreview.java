package io.paasta.config.validate;

import io.paasta.config.schedule.ScheduleTimes;
import io.paasta.model.InstanceConfig;
import io.paasta.model.JobConfig;
import io.paasta.model.Service;
import io.paasta.model.ServiceInstance;
import io.paasta.model.schedule.RunTimes;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a job of a service runs next, for {@code paasta validate -v}: its next run times (from the
 * same {@link ScheduleTimes} the daemon's scheduler uses) or the parents it runs after. Pure.
 *
 * @param zone the job's {@code schedule_time_zone} (UTC when unset)
 * @param nextRuns the next runs after the time asked, at most the count asked; empty for a job with
 *     parents, a schedule that has ended or does not parse
 */
public record JobPreview(
    ServiceInstance job,
    String cluster,
    String zone,
    List<Instant> nextRuns,
    List<ServiceInstance> parents,
    boolean disabled) {
  /** How many next runs {@code validate -v} lists. */
  public static final int NEXT_RUNS = 5;

  public JobPreview {
    nextRuns = List.copyOf(nextRuns);
    parents = List.copyOf(parents);
  }

  /** The jobs of {@code service} whose schedule (or parents) is valid, by cluster and name. */
  public static List<JobPreview> of(Service service, Instant now, int count) {
    List<JobPreview> previews = new ArrayList<>();
    for (InstanceConfig instance : service.instances()) {
      if (!(instance instanceof JobConfig job)) {
        continue;
      }
      ServiceInstance name = new ServiceInstance(job.ref().service(), job.ref().instance());
      String zone = job.scheduleTimeZone().orElse("UTC");
      if (!job.parents().isEmpty()) {
        previews.add(
            new JobPreview(
                name, job.ref().cluster(), zone, List.of(), job.parents(), job.disabled()));
        continue;
      }
      Optional<RunTimes> times = ScheduleTimes.of(job);
      if (times.isEmpty()) {
        continue; // its problem is reported
      }
      List<Instant> runs = new ArrayList<>();
      Optional<Instant> next = times.get().after(now);
      while (next.isPresent() && runs.size() < count) {
        runs.add(next.get());
        next = times.get().after(next.get());
      }
      previews.add(
          new JobPreview(name, job.ref().cluster(), zone, runs, List.of(), job.disabled()));
    }
    previews.sort(Comparator.comparing(JobPreview::cluster).thenComparing(p -> p.job().instance()));
    return previews;
  }

  /**
   * One line: {@code batch-reports.nightly (local, UTC) next runs: 2026-12-07T00:00Z, ...}; in
   * another zone each run shows its wall-clock time and its UTC instant; a job with parents: {@code
   * batch-reports.summarize (local) runs after batch-reports.nightly}.
   */
  public String describe() {
    String disabledNote = disabled ? " (disabled: true, so none runs)" : "";
    if (!parents.isEmpty()) {
      return job
          + " ("
          + cluster
          + ") runs after "
          + parents.stream().map(ServiceInstance::toString).collect(Collectors.joining(" and "))
          + disabledNote;
    }
    String head = job + " (" + cluster + ", " + zone + ")";
    if (nextRuns.isEmpty()) {
      return head + " has no more runs (its schedule has ended)";
    }
    ZoneId zoneId = zoneId();
    String runs =
        nextRuns.stream()
            .map(
                run ->
                    zoneId.equals(ZoneOffset.UTC)
                        ? utc(run)
                        : LocalDateTime.ofInstant(run, zoneId) + " (" + utc(run) + ")")
            .collect(Collectors.joining(", "));
    return head + " next runs: " + runs + disabledNote;
  }

  private ZoneId zoneId() {
    try {
      return ZoneId.of(zone).normalized();
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static String utc(Instant run) {
    return LocalDateTime.ofInstant(run, ZoneOffset.UTC) + "Z";
  }
}
