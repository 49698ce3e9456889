package io.paasta.backend.kubernetes.render;

import io.paasta.config.schedule.ScheduleTimes;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.model.InstanceConfig;
import io.paasta.model.JobConfig;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.Service;
import io.paasta.model.SystemConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.app.DesiredInstanceFactory;
import io.paasta.planning.app.DesiredJobFactory;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.testing.ConfigTree;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A one-service soa-configs tree loaded the way the daemon loads it, rendered for cluster {@code
 * prod}. Instances and jobs are written as YAML so that defaults come from the real loader.
 */
final class RenderFixture {
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  static final String SERVICE = "web";

  static final KubernetesCluster CLUSTER =
      new KubernetesCluster(
          "prod",
          Optional.of("/etc/paasta/kubeconfig"),
          Optional.empty(),
          false,
          "registry.example:5000",
          Optional.empty(),
          KubernetesCluster.DEFAULT_NAMESPACE_PREFIX);

  /** The system config of cluster prod: a registry and one volume for every container. */
  static final String SYSTEM_JSON =
      "{\"cluster\": \"prod\", \"docker_registry\": \"127.0.0.1:5000\", \"volumes\":"
          + " [{\"containerPath\": \"/etc/ssl/certs\", \"hostPath\": \"/etc/ssl/certs\","
          + " \"mode\": \"RO\"}]}";

  private final ConfigTree tree;
  private String smartstack = "main:\n  proxy_port: 20001\ncanary:\n  proxy_port: null\n";
  private String controls = "";

  private final SystemConfig system;

  RenderFixture(Path tmp) {
    this.tree = ConfigTree.soaConfigs(tmp);
    ConfigTree etc = ConfigTree.systemConfig(tmp);
    etc.write("00.json", SYSTEM_JSON);
    this.system = SystemConfigLoader.loadUsable(etc.root());
  }

  SystemConfig system() {
    return system;
  }

  RenderFixture smartstack(String yaml) {
    this.smartstack = yaml;
    return this;
  }

  /** A control entry, e.g. {@code "web:prod.main": {"desired_state": "stop", ...}}. */
  RenderFixture controls(String json) {
    this.controls = json;
    return this;
  }

  Service load(String kind, String instancesYaml) {
    tree.write(SERVICE + "/service.yaml", "description: web\n");
    tree.write(SERVICE + "/smartstack.yaml", smartstack);
    tree.write(SERVICE + "/" + kind + "-prod.yaml", instancesYaml);
    tree.write(
        SERVICE + "/deployments.json",
        "{\"v2\": {\"deployments\": {"
            + "\"prod.main\": {\"docker_image\": \"services-web:paasta-"
            + SHA
            + "\", \"git_sha\": \""
            + SHA
            + "\"}},"
            + " \"controls\": {"
            + controls
            + "}}}");
    LoadedService loaded = SoaConfigsLoader.open(tree.root()).load(SERVICE);
    if (loaded.hasErrors()) {
      throw new AssertionError("fixture config has problems: " + loaded.problems());
    }
    return loaded.service();
  }

  /**
   * The instance {@code name} of a kubernetes-prod.yaml holding {@code yaml} (deploy group
   * prod.main).
   */
  RenderedInstance render(String name, String yaml) {
    Service service = load("kubernetes", yaml);
    LongRunningConfig config = (LongRunningConfig) instance(service, name);
    return InstanceRenderer.render(desired(service, config), config, CLUSTER, service.namespaces());
  }

  DesiredInstance desired(Service service, LongRunningConfig config) {
    return DesiredInstanceFactory.create(
            config, service.deployments(), system, service.config(), OptionalInt.empty())
        .orElseThrow();
  }

  RenderedJob renderJob(String name, String yaml) {
    Service service = load("chronos", yaml);
    JobConfig config = (JobConfig) instance(service, name);
    DesiredJob desired =
        DesiredJobFactory.create(
            config, service.deployments(), system, service.config(), ScheduleTimes.of(config));
    return JobRenderer.render(desired, config, CLUSTER);
  }

  static InstanceConfig instance(Service service, String name) {
    return service.instance("prod", name).orElseThrow();
  }
}
