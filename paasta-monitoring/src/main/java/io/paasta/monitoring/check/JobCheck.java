package io.paasta.monitoring.check;

import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of a scheduled job (SPEC section 6).
 *
 * <p>{@code check_chronos_jobs.<svc>.<inst>}, first matching row:
 *
 * <ol>
 *   <li>disabled (config or {@code paasta stop}): OK;
 *   <li>never ran: no result (no event);
 *   <li>stuck (last run's start + interval + the p99 of its recent run times, or + interval when
 *       none is known, is in the past): CRITICAL;
 *   <li>last run failed: CRITICAL, with the commands to look and to rerun;
 *   <li>last run succeeded: OK.
 * </ol>
 *
 * <p>{@code setup_chronos_job.<svc>.<inst>}: CRITICAL when no image is deployed for the job, or
 * when the scheduler cannot run it (its problem); OK otherwise.
 */
public final class JobCheck {
  /** The format {@code paasta rerun -d} takes. */
  static final DateTimeFormatter RERUN_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /** The OK of {@code check_chronos_jobs} when a job is removed from soa-configs. */
  public static final String REMOVED =
      "This instance was removed and is no longer supposed to be scheduled.";

  private JobCheck() {}

  /** {@code check_chronos_jobs} (unless it never ran), then {@code setup_chronos_job}. */
  public static List<CheckResult> evaluate(JobSnapshot job, Instant now) {
    List<CheckResult> results = new ArrayList<>(2);
    jobResult(job, now).ifPresent(results::add);
    results.add(setup(job));
    return List.copyOf(results);
  }

  /** {@code check_chronos_jobs}; empty when the job never ran (no event). */
  static Optional<CheckResult> jobResult(JobSnapshot job, Instant now) {
    JobStatus status = job.status();
    InstanceRef ref = job.ref();
    String who = ref.service() + " " + ref.instance();
    if (!status.scheduled()) {
      return Optional.of(
          result(
              ref,
              CheckKind.JOB,
              CheckStatus.OK,
              "Job " + who + " is disabled - ignoring status."));
    }
    Optional<Instant> lastStart = lastStart(status);
    if (lastStart.isEmpty() && status.lastFinished().isEmpty()) {
      return Optional.empty();
    }
    if (job.interval().isPresent() && lastStart.isPresent()) {
      Duration interval = job.interval().get();
      Duration slack = p99(status.recent()).orElse(interval);
      if (now.isAfter(lastStart.get().plus(interval).plus(slack))) {
        return Optional.of(
            result(
                ref,
                CheckKind.JOB,
                CheckStatus.CRITICAL,
                "Job "
                    + who
                    + " with schedule "
                    + status.schedule().orElse("(none)")
                    + " ("
                    + status.timeZone()
                    + ") hasn't run since "
                    + lastStart.get()
                    + ", and is configured to run every "
                    + HumanDuration.format(interval)
                    + "."));
      }
    }
    return status
        .lastFinished()
        .map(
            last ->
                last.state() == io.paasta.planning.jobs.RunState.SUCCEEDED
                    ? result(
                        ref,
                        CheckKind.JOB,
                        CheckStatus.OK,
                        "Last run of job " + who + " succeeded.")
                    : result(ref, CheckKind.JOB, CheckStatus.CRITICAL, failed(job, last)));
  }

  /** {@code setup_chronos_job}. */
  static CheckResult setup(JobSnapshot job) {
    InstanceRef ref = job.ref();
    String id = ref.service() + "." + ref.instance();
    if (!job.status().deployed()) {
      return result(
          ref,
          CheckKind.JOB_SETUP,
          CheckStatus.CRITICAL,
          "No deployment found for "
              + id
              + " in cluster "
              + ref.cluster()
              + ". Has the pipeline run for it?");
    }
    if (job.status().problem().isPresent()) {
      return result(
          ref,
          CheckKind.JOB_SETUP,
          CheckStatus.CRITICAL,
          "Job "
              + id
              + " cannot run in cluster "
              + ref.cluster()
              + ": "
              + job.status().problem().get());
    }
    return result(
        ref,
        CheckKind.JOB_SETUP,
        CheckStatus.OK,
        "Job " + id + " is set up in cluster " + ref.cluster() + ".");
  }

  private static String failed(JobSnapshot job, JobRun last) {
    InstanceRef ref = job.ref();
    String args = "-s " + ref.service() + " -i " + ref.instance() + " -c " + ref.cluster();
    return "Last run of job "
        + ref.service()
        + " "
        + ref.instance()
        + " failed.\n"
        + "paasta logs "
        + args
        + "\n"
        + "paasta status "
        + args
        + " -vv\n"
        + "paasta rerun "
        + args
        + " -d "
        + RERUN_DATE.format(last.executionDate().atZone(zone(job.status().timeZone())));
  }

  private static ZoneId zone(String name) {
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  /** The start of the newest run that started (a running one included). */
  static Optional<Instant> lastStart(JobStatus status) {
    Optional<Instant> newest = status.running().flatMap(JobRun::start);
    for (JobRun run : status.recent()) {
      if (run.start().isPresent()
          && (newest.isEmpty() || run.start().get().isAfter(newest.get()))) {
        newest = run.start();
      }
    }
    return newest;
  }

  /** The 99th percentile (nearest rank) of how long the finished recent runs took. */
  static Optional<Duration> p99(List<JobRun> runs) {
    List<Duration> took = new ArrayList<>();
    for (JobRun run : runs) {
      if (run.state().finished() && run.start().isPresent() && run.end().isPresent()) {
        Duration d = Duration.between(run.start().get(), run.end().get());
        took.add(d.isNegative() ? Duration.ZERO : d);
      }
    }
    if (took.isEmpty()) {
      return Optional.empty();
    }
    took.sort(null);
    int rank = (int) Math.ceil(0.99 * took.size());
    return Optional.of(took.get(Math.max(0, rank - 1)));
  }

  private static CheckResult result(
      InstanceRef ref, CheckKind kind, CheckStatus status, String output) {
    return new CheckResult(kind.checkName(ref), kind, status, output);
  }
}
