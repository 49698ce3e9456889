package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.SystemConfig;
import io.paasta.monitoring.AlertJournal;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import io.paasta.server.monitoring.Monitoring;
import io.paasta.server.testing.InMemoryJobsView;
import io.paasta.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job checks leave the daemon like every other event: the daemon's monitoring, built from the
 * system config, sends a failed job's {@code check_chronos_jobs} alert and its removal OK to a real
 * TCP listener speaking the Sensu client protocol.
 */
class JobChecksIT {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

  @TempDir Path soa;

  @Test
  void aFailedJobIsAlertedToSensuAndItsRemovalResolvesIt() throws Exception {
    Path service = Files.createDirectories(soa.resolve("batch"));
    Files.writeString(service.resolve("monitoring.yaml"), "team: batch\nalert_after: 2m\n");
    Files.writeString(
        service.resolve("chronos-norcal.yaml"),
        "nightly:\n  schedule: R/2026-01-01T00:00:00Z/PT1H\n  cmd: echo hi\n");
    JobConfig nightly =
        (JobConfig) SoaConfigsLoader.open(soa).load("batch").service().instancesIn("norcal").get(0);
    InstanceRef ref = nightly.ref();
    ManualClock clock = new ManualClock(T0);
    JobRun failed =
        new JobRun(
            1,
            ref,
            T0.minusSeconds(60),
            RunTrigger.SCHEDULE,
            RunState.FAILED,
            Optional.of(T0.minusSeconds(59)),
            Optional.of(T0.minusSeconds(30)),
            OptionalInt.of(2),
            3,
            3,
            "abc",
            "h",
            Optional.of("task"),
            "exited 2");
    JobStatus status =
        new JobStatus(
            ref,
            true,
            nightly.schedule(),
            "UTC",
            Duration.ofSeconds(60),
            List.of(),
            Optional.of(T0.plusSeconds(3540)),
            "echo hi",
            3,
            true,
            Optional.empty(),
            Optional.empty(),
            List.of(failed));
    InMemoryJobsView jobs = new InMemoryJobsView();
    jobs.statuses.put(ref, status);

    try (SensuReceiver sensu = new SensuReceiver();
        Monitoring monitoring =
            Monitoring.start(
                system(sensu.port()),
                new SimpleMeterRegistry(),
                new DaemonLog(
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    clock),
                clock,
                r -> Optional.empty(),
                r -> List.of(),
                (r, d) -> {},
                AlertJournal.NONE,
                jobs,
                r -> r.equals(ref) ? Optional.of(nightly) : Optional.empty())) {
      for (int minute = 0; minute <= 2; minute++) {
        monitoring.jobChecks().evaluate();
        clock.advance(Duration.ofMinutes(1));
      }
      String name = "check_chronos_jobs.batch.nightly";
      await().until(() -> sensu.named(name).size() == 1);
      Map<String, Object> alert = sensu.named(name).get(0);
      assertThat(alert.get("status")).isEqualTo(2);
      assertThat((String) alert.get("output"))
          .startsWith("Last run of job batch nightly failed.")
          .contains("paasta rerun -s batch -i nightly -c norcal -d 2026-01-01T11:59:00");
      assertThat(alert.get("team")).isEqualTo("batch");
      assertThat(alert.get("alert_after")).isEqualTo(120);
      assertThat(alert.get("source")).isEqualTo("paasta-norcal");
      assertThat(monitoring.checks(ref))
          .extracting(c -> c.get("name"))
          .contains(name, "setup_chronos_job.batch.nightly");

      jobs.statuses.clear();
      monitoring.jobChecks().evaluate();

      await().until(() -> sensu.named(name).size() == 2);
      Map<String, Object> ok = sensu.named(name).get(1);
      assertThat(ok.get("status")).isEqualTo(0);
      assertThat(ok.get("output"))
          .isEqualTo("This instance was removed and is no longer supposed to be scheduled.");
      assertThat(monitoring.checks(ref)).isEmpty();
    }
  }

  private static SystemConfig system(int sensuPort) {
    return new SystemConfig(
        "norcal",
        "127.0.0.1:5000",
        Optional.empty(),
        List.of(),
        Map.of(),
        Map.of(),
        "127.0.0.1",
        sensuPort,
        "localhost",
        3212,
        Optional.empty(),
        Map.of("monitoring_senders", List.of("sensu")));
  }
}
