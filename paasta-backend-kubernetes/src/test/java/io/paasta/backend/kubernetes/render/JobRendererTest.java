package io.paasta.backend.kubernetes.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Section 14's mapping of a scheduled job: CronJob when cron can say it, else Jobs. */
class JobRendererTest {
  @TempDir Path tmp;

  private RenderedJob render(String keys) {
    return new RenderFixture(tmp)
        .renderJob("nightly", "nightly:\n  deploy_group: prod.main\n  cmd: report\n" + keys);
  }

  @ParameterizedTest(name = "{0} ({1}) -> {2} in {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'*/5 * * * *'                 |                  | */5 * * * *          | UTC",
        "'0 4 * * 1-5'                 | America/New_York | 0 4 * * 1-5          | America/New_York",
        "R/2026-01-01T00:00:00Z/PT1M   |                  | * * * * *            | UTC",
        "R/2026-01-01T00:07:00Z/PT15M  |                  | 7,22,37,52 * * * *   | UTC",
        "R/2026-01-01T00:47:00Z/PT20M  |                  | 7,27,47 * * * *      | UTC",
        "R/2026-01-01T03:30:00Z/PT1H   |                  | 30 * * * *           | UTC",
        "R/2026-01-01T03:30:00Z/PT6H   |                  | 30 3,9,15,21 * * *   | UTC",
        "R/2026-01-01T04:15:00Z/PT24H  |                  | 15 4 * * *           | UTC",
        "R/2026-01-01T04:15:00Z/P1D    |                  | 15 4 * * *           | UTC",
        "R/2026-01-01T04:15:00+02:00/P1D |                | 15 2 * * *           | UTC",
        "R/2026-01-01T04:15:00+02:00/P1D | Europe/Berlin  | 15 4 * * *           | Europe/Berlin",
        "R/2026-01-04T06:00:00Z/P1W    |                  | 0 6 * * 0            | UTC",
        "R/2026-01-05T06:00:00Z/P7D    |                  | 0 6 * * 1            | UTC",
      })
  void cronCanSayIt(String schedule, String zone, String cron, String timeZone) {
    RenderedJob rendered =
        render(
            "  schedule: '"
                + schedule
                + "'\n"
                + (zone == null ? "" : "  schedule_time_zone: " + zone + "\n"));
    CronJob cronJob = rendered.cronJob().orElseThrow();
    assertThat(cronJob.getSpec().getSchedule()).isEqualTo(cron);
    assertThat(cronJob.getSpec().getTimeZone()).isEqualTo(timeZone);
    assertThat(rendered.schedulerReason()).isEmpty();
    assertThat(rendered.objects()).containsExactly(rendered.namespace(), cronJob);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "schedule: R/2026-01-01T00:00:00Z/PT7M      | cron cannot express its period PT7M",
        "schedule: R/2026-01-01T00:00:00Z/PT90M     | cron cannot express its period PT1H30M",
        "schedule: R/2026-01-01T00:00:00Z/PT5H      | cron cannot express its period PT5H",
        "schedule: R/2026-01-01T00:00:00Z/P2D       | cron cannot express its period P2D",
        "schedule: R/2026-01-01T00:00:00Z/P1M       | cron cannot express its period P1M",
        "schedule: R/2026-01-01T00:00:30Z/PT1H      | cron cannot express its period PT1H",
        "schedule: R5/2026-01-01T00:00:00Z/PT1H     | runs a fixed number of times (R5)",
        "parents: [web.other]                       | it runs after its parents",
      })
  void theRestIsRunByTheDaemonsScheduler(String keys, String reason) {
    RenderedJob rendered = render("  " + keys + "\n");
    assertThat(rendered.cronJob()).isEmpty();
    assertThat(rendered.schedulerReason().orElseThrow())
        .startsWith("run by the daemon's scheduler as Jobs: ")
        .contains(reason);
    assertThat(rendered.objects()).containsExactly(rendered.namespace(), rendered.jobTemplate());
  }

  @Test
  void aCmdWithTimeVariablesIsRunByTheScheduler() {
    RenderedJob rendered =
        new RenderFixture(tmp)
            .renderJob(
                "nightly",
                "nightly:\n  deploy_group: prod.main\n  cmd: 'report %(shortdate)s'\n"
                    + "  schedule: '0 4 * * *'\n");
    assertThat(rendered.cronJob()).isEmpty();
    assertThat(rendered.schedulerReason().orElseThrow()).contains("time variables");
    // the scheduler fills the variables from each run's execution date: the template keeps them
    assertThat(
            rendered
                .jobTemplate()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getCommand())
        .containsExactly("sh", "-c", "report %(shortdate)s");
  }

  @Test
  void cronJobFields() {
    RenderedJob rendered =
        new RenderFixture(tmp)
            .renderJob(
                "nightly",
                "nightly:\n  deploy_group: prod.main\n  cmd: 'echo 100%% done'\n"
                    + "  schedule: '0 4 * * *'\n  epsilon: PT30M\n  retries: 5\n"
                    + "  env: {KIND: nightly}\n  extra_volumes:\n"
                    + "    - {containerPath: /out, hostPath: /srv/out, mode: RW}\n");
    CronJob cronJob = rendered.cronJob().orElseThrow();
    assertThat(cronJob.getMetadata().getName()).isEqualTo("web-nightly");
    assertThat(cronJob.getMetadata().getNamespace()).isEqualTo("paastasvc-web");
    assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
    assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isEqualTo(1800L);
    assertThat(cronJob.getSpec().getSuspend()).isFalse();
    Job job = rendered.jobTemplate();
    assertThat(cronJob.getSpec().getJobTemplate().getSpec()).isEqualTo(job.getSpec());
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(5);
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    var container = pod.getContainers().get(0);
    // %% is a literal %: filled once, as the scheduler would
    assertThat(container.getCommand()).containsExactly("sh", "-c", "echo 100% done");
    assertThat(container.getPorts()).isEmpty();
    assertThat(container.getLivenessProbe()).isNull();
    assertThat(container.getEnv()).anyMatch(e -> e.getName().equals("KIND"));
    assertThat(container.getEnv()).noneMatch(e -> e.getName().equals("PORT0"));
    assertThat(container.getVolumeMounts())
        .anyMatch(m -> m.getMountPath().equals("/out") && !m.getReadOnly());
    assertThat(job.getMetadata().getLabels())
        .containsEntry("paasta.yelp.com/service", "web")
        .containsEntry("paasta.yelp.com/instance", "nightly")
        .containsEntry("paasta.yelp.com/git_sha", RenderFixture.SHA)
        .containsEntry("paasta.yelp.com/autoscaled", "false")
        .containsKey("paasta.yelp.com/config_sha");
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
        .isEqualTo(job.getMetadata().getLabels());
  }

  @Test
  void disabledOrStoppedIsSuspended() {
    assertThat(
            render("  schedule: '0 4 * * *'\n  disabled: true\n")
                .cronJob()
                .orElseThrow()
                .getSpec()
                .getSuspend())
        .isTrue();
    RenderedJob stopped =
        new RenderFixture(tmp)
            .controls("\"web:prod.nightly\": {\"desired_state\": \"stop\", \"force_bounce\": null}")
            .renderJob(
                "nightly",
                "nightly:\n  deploy_group: prod.main\n  cmd: report\n  schedule: '0 4 * * *'\n");
    assertThat(stopped.cronJob().orElseThrow().getSpec().getSuspend()).isTrue();
  }

  @Test
  void longJobNamesFitTheCronJobLimit() {
    String name = "a_job_whose_name_is_long_enough_to_pass_the_limit";
    RenderedJob rendered =
        new RenderFixture(tmp)
            .renderJob(
                name, name + ":\n  deploy_group: prod.main\n  cmd: x\n  schedule: '0 4 * * *'\n");
    assertThat(rendered.cronJob().orElseThrow().getMetadata().getName())
        .hasSizeLessThanOrEqualTo(52)
        .matches(".*-[0-9a-f]{8}");
    assertThat(rendered.jobTemplate().getMetadata().getName()).hasSizeLessThanOrEqualTo(63);
  }

  @Test
  void anUndeployedJobCannotBeRendered() {
    assertThatThrownBy(
            () ->
                new RenderFixture(tmp)
                    .renderJob(
                        "nightly",
                        "nightly:\n  deploy_group: prod.other\n  cmd: x\n  schedule: '0 4 * * *'\n"))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("No deployment found for web.nightly in cluster prod");
  }

  @Test
  void aJobWhoseTimeZoneCannotBeReadIsNotRendered() {
    assertThatThrownBy(
            () -> render("  schedule: '0 4 * * *'\n  schedule_time_zone: Mars/Olympus_Mons\n"))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("web.nightly in prod: schedule_time_zone 'Mars/Olympus_Mons'");
  }
}
