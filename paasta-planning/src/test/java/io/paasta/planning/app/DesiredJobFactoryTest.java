package io.paasta.planning.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.Deployments;
import io.paasta.model.DesiredState;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.ServiceInstance;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.testing.ConfigFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DesiredJobFactoryTest {
  private final ConfigFixture f = new ConfigFixture();

  {
    f.instance = "nightly"; // deployments.json's controls name the job
  }

  /** A job with the fixture's container, deploy group and cluster. */
  private JobConfig job(boolean disabled, List<ServiceInstance> parents) {
    LongRunningConfig base = f.config();
    return new JobConfig(
        new InstanceRef("svc", "local", "nightly", InstanceKind.CHRONOS),
        base.deployGroup(),
        base.container(),
        parents.isEmpty() ? Optional.of("R/2026-01-01T00:00:00Z/PT24H") : Optional.empty(),
        Optional.of("Europe/Amsterdam"),
        parents,
        Duration.ofMinutes(30),
        2,
        disabled,
        base.monitoring(),
        Map.of());
  }

  private DesiredJob create(JobConfig job, Optional<Deployments> deployments) {
    return DesiredJobFactory.create(
        job, deployments, f.system(), f.serviceConfig(), Optional.empty());
  }

  @Test
  void aDeployedJobRunsItsDeployGroupsImageWithJobLabelsAndNoPortOrHealthCheck() {
    DesiredJob job =
        create(
            job(false, List.of(new ServiceInstance("other", "parent"))),
            Optional.of(f.deployments()));
    assertThat(job.runnable()).isTrue();
    assertThat(job.maxAttempts()).isEqualTo(3);
    assertThat(job.epsilon()).isEqualTo(Duration.ofMinutes(30));
    assertThat(job.zone().getId()).isEqualTo("Europe/Amsterdam");
    assertThat(job.parents())
        .containsExactly(new InstanceRef("other", "local", "parent", InstanceKind.CHRONOS));
    var spec = job.template().orElseThrow().spec();
    assertThat(spec.image()).isEqualTo("registry.local:5000/" + ConfigFixture.IMAGE);
    assertThat(spec.portCount()).isZero();
    assertThat(spec.healthcheck().enabled()).isFalse();
    assertThat(spec.env()).containsEntry("PAASTA_INSTANCE", "nightly");
    assertThat(spec.labels())
        .containsEntry("paasta_kind", "chronos")
        .containsEntry("paasta_git_sha", ConfigFixture.SHA)
        .containsEntry("paasta_config_hash", job.template().get().configHash());
  }

  @Test
  void theHashChangesWithTheConfigAndARestartNotWithTheDisabledFlag() {
    Optional<Deployments> deployments = Optional.of(f.deployments());
    String hash = create(job(false, List.of()), deployments).template().get().configHash();
    assertThat(create(job(true, List.of()), deployments).template().get().configHash())
        .isEqualTo(hash);
    f.forceBounce = Optional.of("20260101T000000");
    assertThat(
            create(job(false, List.of()), Optional.of(f.deployments()))
                .template()
                .get()
                .configHash())
        .isNotEqualTo(hash);
  }

  @Test
  void aRotatedSecretChangesTheHashAndTheEnvKeepsTheReference() {
    Optional<Deployments> deployments = Optional.of(f.deployments());
    JobConfig job = job(false, List.of());
    DesiredJob before =
        DesiredJobFactory.create(
            job,
            deployments,
            f.system(),
            f.serviceConfig(),
            Optional.empty(),
            Map.of("SECRET(db)", "sig-1"));
    DesiredJob after =
        DesiredJobFactory.create(
            job,
            deployments,
            f.system(),
            f.serviceConfig(),
            Optional.empty(),
            Map.of("SECRET(db)", "sig-2"));

    assertThat(before.template().get().configHash())
        .isNotEqualTo(after.template().get().configHash())
        .isNotEqualTo(create(job, deployments).template().get().configHash());
    assertThat(before.template().get().spec().toString()).doesNotContain("sig-1");
  }

  @Test
  void disabledStoppedAndNotDeployedSayWhy() {
    assertThat(create(job(true, List.of()), Optional.of(f.deployments())).disabled())
        .contains("disabled (disabled: true in chronos-local.yaml)");
    f.desiredState = DesiredState.STOP;
    assertThat(create(job(false, List.of()), Optional.of(f.deployments())).disabled())
        .contains("stopped (paasta stop)");
    DesiredJob notDeployed = create(job(false, List.of()), Optional.empty());
    assertThat(notDeployed.template()).isEmpty();
    assertThat(notDeployed.problem().orElseThrow())
        .startsWith("No deployment found for svc.nightly in cluster local")
        .endsWith("Has the pipeline run for it?");
  }
}
