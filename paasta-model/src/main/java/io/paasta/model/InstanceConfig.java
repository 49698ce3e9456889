package io.paasta.model;

import java.util.Map;

/**
 * The effective configuration of one instance in one cluster: the instance dict merged over
 * service.yaml, with every default applied.
 */
public sealed interface InstanceConfig permits LongRunningConfig, JobConfig, AdhocConfig {
  InstanceRef ref();

  /** The deploy group with its placeholders filled in. */
  String deployGroup();

  ContainerConfig container();

  MonitoringConfig monitoring();

  /**
   * The merged dict as written (service.yaml under the instance), before defaults: the input of the
   * config hash.
   */
  Map<String, Object> effective();

  /** The default deploy group, {@code <cluster>.<instance>}. */
  static String defaultDeployGroup(InstanceRef ref) {
    return ref.cluster() + "." + ref.instance();
  }
}
