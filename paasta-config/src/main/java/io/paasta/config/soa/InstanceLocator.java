package io.paasta.config.soa;

import io.paasta.config.problem.Location;
import io.paasta.config.yaml.ParsedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a field of an instance's effective config was written: in the instance dict, else in
 * service.yaml (for monitoring keys, monitoring.yaml comes between), else at the instance's name.
 */
public final class InstanceLocator implements FieldLocator {
  private final ParsedFile instanceFile;
  private final String instance;
  private final Map<?, ?> instanceDict;
  private final Optional<ParsedFile> serviceYaml;
  private final Optional<ParsedFile> monitoringYaml;

  public InstanceLocator(
      ParsedFile instanceFile,
      String instance,
      Map<?, ?> instanceDict,
      Optional<ParsedFile> serviceYaml,
      Optional<ParsedFile> monitoringYaml) {
    this.instanceFile = instanceFile;
    this.instance = instance;
    this.instanceDict = instanceDict;
    this.serviceYaml = serviceYaml;
    this.monitoringYaml = monitoringYaml;
  }

  @Override
  public Location locate(List<?> path) {
    if (path.isEmpty() || definedIn(instanceDict, path)) {
      return inInstanceFile(path);
    }
    if ("monitoring".equals(path.get(0)) && path.size() > 1) {
      List<?> key = path.subList(1, path.size());
      if (monitoringYaml.isPresent() && definedIn(monitoringYaml.get().root(), key)) {
        return at(monitoringYaml.get(), key);
      }
      if (serviceYaml.isPresent() && definedIn(serviceYaml.get().root(), key)) {
        return at(serviceYaml.get(), key);
      }
    }
    if (serviceYaml.isPresent() && definedIn(serviceYaml.get().root(), path.subList(0, 1))) {
      return at(serviceYaml.get(), path);
    }
    return inInstanceFile(path);
  }

  private Location inInstanceFile(List<?> path) {
    List<Object> full = new ArrayList<>();
    full.add(instance);
    full.addAll(path);
    return at(instanceFile, full);
  }

  private static Location at(ParsedFile file, List<?> path) {
    return Location.of(file.file(), file.lineOf(path));
  }

  /** Whether the first key of {@code path} is set in {@code root}, and so on down. */
  private static boolean definedIn(Object root, List<?> path) {
    Object current = root;
    for (Object key : path) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return false;
      }
      current = map.get(key);
    }
    return true;
  }
}
