package io.paasta.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything soa-configs says about one service, with defaults applied. */
public record Service(
    ServiceConfig config,
    List<InstanceConfig> instances,
    Map<String, NamespaceConfig> namespaces,
    Map<String, Object> monitoringFile,
    Optional<DeployConfig> deploy,
    Optional<Deployments> deployments,
    List<String> secrets) {

  public Service {
    instances = List.copyOf(instances);
    namespaces = Map.copyOf(namespaces);
    monitoringFile = Immutables.deepCopy(monitoringFile);
    secrets = List.copyOf(secrets);
  }

  public String name() {
    return config.name();
  }

  public List<String> clusters() {
    return instances.stream().map(i -> i.ref().cluster()).distinct().sorted().toList();
  }

  public List<InstanceConfig> instancesIn(String cluster) {
    return instances.stream().filter(i -> i.ref().cluster().equals(cluster)).toList();
  }

  public Optional<InstanceConfig> instance(String cluster, String instance) {
    return instances.stream()
        .filter(i -> i.ref().cluster().equals(cluster) && i.ref().instance().equals(instance))
        .findFirst();
  }
}
