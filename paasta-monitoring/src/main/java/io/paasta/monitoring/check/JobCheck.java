package io.paasta.monitoring.check;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code check_chronos_jobs.<svc.inst>} (SPEC section 6): disabled is OK; a job whose next run is
 * overdue (no run started within its interval plus epsilon, or a run still going after that long)
 * is CRITICAL (stuck); then the last run decides: failed is CRITICAL, succeeded or running is OK.
 */
public final class JobCheck {
  private JobCheck() {}

  public static CheckResult evaluate(JobSnapshot job, Instant now) {
    String who = job.ref().serviceInstance().toString();
    if (job.disabled()) {
      return result(job, CheckStatus.OK, "Job " + who + " is disabled");
    }
    Optional<JobRun> last = job.lastRun();
    Optional<CheckResult> stuck = stuck(job, who, now);
    if (stuck.isPresent()) {
      return stuck.get();
    }
    if (last.isEmpty()) {
      return result(job, CheckStatus.OK, "Job " + who + " has not run yet");
    }
    JobRun run = last.get();
    return switch (run.outcome()) {
      case FAILED ->
          result(
              job,
              CheckStatus.CRITICAL,
              "Last run of job " + who + " (started " + run.startedAt() + ") failed");
      case SUCCEEDED ->
          result(
              job,
              CheckStatus.OK,
              "Last run of job " + who + " (started " + run.startedAt() + ") succeeded");
      case RUNNING ->
          result(job, CheckStatus.OK, "Job " + who + " is running since " + run.startedAt());
    };
  }

  private static Optional<CheckResult> stuck(JobSnapshot job, String who, Instant now) {
    if (job.interval().isEmpty()) {
      return Optional.empty();
    }
    Duration interval = job.interval().get();
    Instant since = job.lastRun().map(JobRun::startedAt).orElse(job.scheduledSince());
    if (!now.isAfter(since.plus(interval).plus(job.epsilon()))) {
      return Optional.empty();
    }
    boolean running = job.lastRun().map(r -> r.outcome() == JobRun.Outcome.RUNNING).orElse(false);
    String what =
        job.lastRun().isEmpty()
            ? " has not run since it was scheduled at " + since
            : running
                ? "'s run started at " + since + " is still running"
                : " has not run since " + since;
    return Optional.of(
        result(
            job,
            CheckStatus.CRITICAL,
            "Job "
                + who
                + what
                + ", and is configured to run every "
                + HumanDuration.format(interval)
                + " (allowing "
                + HumanDuration.format(job.epsilon())
                + " late)"));
  }

  private static CheckResult result(JobSnapshot job, CheckStatus status, String output) {
    return new CheckResult(CheckKind.JOB.checkName(job.ref()), CheckKind.JOB, status, output);
  }
}
