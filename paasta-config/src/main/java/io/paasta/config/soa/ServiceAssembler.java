package io.paasta.config.soa;

import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.config.problem.Problems;
import io.paasta.config.yaml.ParsedFile;
import io.paasta.model.DeployConfig;
import io.paasta.model.Deployments;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceRef;
import io.paasta.model.Names;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.Service;
import io.paasta.model.ServiceConfig;
import io.paasta.model.ServiceInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gives meaning to the parsed files of one service: domain records with defaults, and problems. */
public final class ServiceAssembler {
  private final NamespaceLookup otherServices;

  /**
   * @param otherServices finds namespaces of other services, for cross-service registrations
   */
  public ServiceAssembler(NamespaceLookup otherServices) {
    this.otherServices = otherServices;
  }

  public LoadedService assemble(ServiceFiles files) {
    Problems problems = new Problems();
    problems.addAll(files.readProblems());
    String service = files.service();
    Map<?, ?> serviceYaml = rootDict(files.serviceYaml(), "service-wide keys", problems);
    ServiceConfig serviceConfig =
        files.serviceYaml().isPresent()
            ? ServiceConfigBuilder.build(
                service, serviceYaml, at(files.serviceYaml().get()), problems)
            : ServiceConfig.empty(service);
    Map<String, NamespaceConfig> namespaces = namespaces(service, files.smartstack(), problems);
    NamespaceLookup lookup =
        name ->
            name.service().equals(service)
                ? Optional.ofNullable(namespaces.get(name.instance()))
                : otherServices.find(name);
    Map<?, ?> monitoringYaml = rootDict(files.monitoring(), "monitoring keys", problems);
    InstanceConfigBuilder builder = new InstanceConfigBuilder(lookup);
    List<InstanceConfig> instances = new ArrayList<>();
    for (ServiceFiles.InstanceFile file : files.instanceFiles()) {
      Map<?, ?> dicts = rootDict(Optional.of(file.file()), "instance names", problems);
      dicts.forEach(
          (key, value) -> {
            String instance = String.valueOf(key);
            if (Names.isTemplate(instance)) {
              return;
            }
            if (!Names.isValidName(instance)) {
              problems.add(
                  Problem.error(
                      Location.of(file.file().file(), file.file().lineOf(List.of(instance))),
                      instance,
                      "is not a valid instance name",
                      instance,
                      "an instance name of " + Names.NAME_RULE + " (templates start with '_')"));
              return;
            }
            if (!(value instanceof Map<?, ?> dict)) {
              problems.add(
                  Problem.error(
                      Location.of(file.file().file(), file.file().lineOf(List.of(instance))),
                      instance,
                      "instance config is " + FieldReader.typeName(value),
                      value,
                      "a dict of instance settings"));
              return;
            }
            InstanceRef ref = new InstanceRef(service, file.cluster(), instance, file.kind());
            InstanceLocator locator =
                new InstanceLocator(
                    file.file(), instance, dict, files.serviceYaml(), files.monitoring());
            instances.add(
                builder.build(
                    new InstanceConfigBuilder.Sources(
                        ref, dict, serviceYaml, monitoringYaml, locator),
                    problems));
          });
    }
    Optional<DeployConfig> deploy =
        files
            .deploy()
            .map(
                f ->
                    DeployConfigBuilder.build(
                        rootDict(Optional.of(f), "pipeline", problems), at(f), problems));
    Optional<Deployments> deployments =
        files
            .deployments()
            .map(
                f ->
                    DeploymentsBuilder.build(
                        rootDict(Optional.of(f), "v1 and v2", problems), at(f), problems));
    Service built =
        new Service(
            serviceConfig,
            instances,
            namespaces,
            stringKeys(monitoringYaml),
            deploy,
            deployments,
            List.copyOf(files.secretNames()));
    return new LoadedService(built, files, problems.list());
  }

  /** The namespaces of smartstack.yaml; templates skipped, bad names reported. */
  public static Map<String, NamespaceConfig> namespaces(
      String service, Optional<ParsedFile> smartstack, Problems problems) {
    Map<String, NamespaceConfig> namespaces = new LinkedHashMap<>();
    if (smartstack.isEmpty()) {
      return namespaces;
    }
    ParsedFile file = smartstack.get();
    rootDict(smartstack, "namespaces", problems)
        .forEach(
            (key, value) -> {
              String name = String.valueOf(key);
              if (Names.isTemplate(name)) {
                return;
              }
              Location where = Location.of(file.file(), file.lineOf(List.of(name)));
              if (!Names.isValidName(name)) {
                problems.add(
                    Problem.error(
                        where,
                        name,
                        "is not a valid namespace name",
                        name,
                        "a name of " + Names.NAME_RULE));
              } else if (!(value instanceof Map<?, ?> dict)) {
                problems.add(
                    Problem.error(
                        where,
                        name,
                        "namespace config is " + FieldReader.typeName(value),
                        value,
                        "a dict"));
              } else {
                namespaces.put(
                    name,
                    NamespaceBuilder.build(
                        new ServiceInstance(service, name), dict, at(file), problems));
              }
            });
    return namespaces;
  }

  /**
   * The root dict of a file; an empty file is an empty dict (with a warning), any other root is an
   * error and reads as empty.
   */
  static Map<?, ?> rootDict(Optional<ParsedFile> file, String whatItMaps, Problems problems) {
    if (file.isEmpty()) {
      return Map.of();
    }
    Object root = file.get().root();
    if (root instanceof Map<?, ?> map) {
      return map;
    }
    if (root == null) {
      problems.add(
          Problem.warning(
              Location.of(file.get().file()), "", "file is empty", "a dict of " + whatItMaps));
    } else {
      problems.add(
          Problem.error(
              Location.of(file.get().file(), 1),
              "",
              "file holds " + FieldReader.typeName(root) + ", not a dict",
              Problem.NO_VALUE,
              "a dict of " + whatItMaps));
    }
    return Map.of();
  }

  static FieldLocator at(ParsedFile file) {
    return path -> Location.of(file.file(), file.lineOf(path));
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    return ConfigMerge.deepMerge(Map.of(), map);
  }
}
