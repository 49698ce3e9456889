package io.paasta.backend.kubernetes.jobs;

import io.paasta.backend.kubernetes.testing.BackendHarness;
import io.paasta.config.schedule.ScheduleTimes;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.SystemConfig;
import io.paasta.planning.app.DesiredJobFactory;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.testing.ConfigTree;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Service {@code svc}'s jobs of cluster {@code local} (chronos-local.yaml), loaded the way the
 * daemon loads them and deployed, and the launches of their attempts.
 */
final class JobFixture {
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  static final Instant EXECUTION_DATE = Instant.parse("2026-01-01T04:00:00Z");

  private final ConfigTree tree;
  private final SystemConfig system;

  JobFixture(Path tmp) {
    this.tree = ConfigTree.soaConfigs(tmp);
    ConfigTree etc = ConfigTree.systemConfig(tmp);
    etc.write("00.json", "{\"cluster\": \"local\", \"docker_registry\": \"127.0.0.1:5000\"}");
    this.system = SystemConfigLoader.loadUsable(etc.root());
  }

  /** Writes chronos-local.yaml and a deployment of group {@code everything}. */
  JobFixture jobs(String yaml) {
    tree.write("svc/service.yaml", "description: jobs\n");
    tree.write("svc/chronos-local.yaml", yaml);
    tree.write(
        "svc/deployments.json",
        "{\"v2\": {\"deployments\": {\"everything\": {\"docker_image\": \"services-svc:paasta-"
            + SHA
            + "\", \"git_sha\": \""
            + SHA
            + "\"}}, \"controls\": {}}}");
    return this;
  }

  static InstanceRef ref(String instance) {
    return new InstanceRef("svc", "local", instance, InstanceKind.CHRONOS);
  }

  Optional<JobConfig> config(InstanceRef ref) {
    LoadedService loaded = SoaConfigsLoader.open(tree.root()).load(ref.service());
    return loaded
        .service()
        .instance(ref.cluster(), ref.instance())
        .filter(JobConfig.class::isInstance)
        .map(JobConfig.class::cast);
  }

  DesiredJob desired(String instance) {
    LoadedService loaded = SoaConfigsLoader.open(tree.root()).load("svc");
    JobConfig config = config(ref(instance)).orElseThrow();
    return DesiredJobFactory.create(
        config,
        loaded.service().deployments(),
        system,
        loaded.service().config(),
        ScheduleTimes.of(config));
  }

  JobManifests manifests() {
    return JobManifests.rendered(BackendHarness.CLUSTER, this::config);
  }

  /** Attempt {@code attempt} of run {@code runId} of job {@code instance}. */
  JobLaunch launch(String instance, long runId, int attempt) {
    return new JobLaunch(
        ref(instance),
        runId,
        attempt,
        EXECUTION_DATE,
        desired(instance).template().orElseThrow().spec());
  }
}
