package io.paasta.config.soa;

import io.paasta.config.problem.Problem;
import io.paasta.config.yaml.ParsedFile;
import io.paasta.model.InstanceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed files of one service folder, before any meaning is given to them, and the problems met
 * while reading them (unreadable files, bad YAML, unknown file kinds).
 */
public record ServiceFiles(
    String service,
    Optional<ParsedFile> serviceYaml,
    List<InstanceFile> instanceFiles,
    Optional<ParsedFile> smartstack,
    Optional<ParsedFile> monitoring,
    Optional<ParsedFile> deploy,
    Optional<ParsedFile> deployments,
    Map<String, ParsedFile> secrets,
    java.util.Set<String> secretNames,
    List<Problem> readProblems,
    List<TronFile> tronFiles,
    Optional<ParsedFile> rollback,
    Optional<ParsedFile> dependencies) {

  public ServiceFiles {
    instanceFiles = List.copyOf(instanceFiles);
    secrets = Map.copyOf(secrets);
    secretNames = java.util.Set.copyOf(secretNames);
    readProblems = List.copyOf(readProblems);
    tronFiles = List.copyOf(tronFiles);
  }

  /** Secret names found in {@code secrets/}, including files that could not be parsed. */
  public boolean hasSecret(String name) {
    return secretNames.contains(name);
  }

  /** An instance file: {@code <kind>-<cluster>.yaml}. */
  public record InstanceFile(InstanceKind kind, String cluster, ParsedFile file) {}

  /** A Tron file: {@code tron-<cluster>.yaml}. */
  public record TronFile(String cluster, ParsedFile file) {
    /** PaaSTA's instance names of the file's jobs: {@code <job>.<action>}, templates skipped. */
    public List<String> instances() {
      java.util.ArrayList<String> instances = new java.util.ArrayList<>();
      if (file.root() instanceof Map<?, ?> jobs) {
        jobs.forEach(
            (job, dict) -> {
              if (String.valueOf(job).startsWith("_") || !(dict instanceof Map<?, ?> d)) {
                return;
              }
              if (d.get("actions") instanceof Map<?, ?> actions) {
                actions.keySet().forEach(a -> instances.add(job + "." + a));
              } else if (d.get("actions") instanceof List<?> actions) {
                actions.stream()
                    .filter(a -> a instanceof Map<?, ?> m && m.get("name") != null)
                    .forEach(a -> instances.add(job + "." + ((Map<?, ?>) a).get("name")));
              }
            });
      }
      return List.copyOf(instances);
    }
  }

  /** Every parsed file with its kind, for schema validation. */
  public List<Map.Entry<FileKind, ParsedFile>> allFiles() {
    java.util.ArrayList<Map.Entry<FileKind, ParsedFile>> all = new java.util.ArrayList<>();
    serviceYaml.ifPresent(f -> all.add(Map.entry(FileKind.SERVICE, f)));
    instanceFiles.forEach(f -> all.add(Map.entry(FileKind.of(f.kind()), f.file())));
    smartstack.ifPresent(f -> all.add(Map.entry(FileKind.SMARTSTACK, f)));
    monitoring.ifPresent(f -> all.add(Map.entry(FileKind.MONITORING, f)));
    deploy.ifPresent(f -> all.add(Map.entry(FileKind.DEPLOY, f)));
    deployments.ifPresent(f -> all.add(Map.entry(FileKind.DEPLOYMENTS, f)));
    secrets.values().forEach(f -> all.add(Map.entry(FileKind.SECRET, f)));
    tronFiles.forEach(f -> all.add(Map.entry(FileKind.TRON, f.file())));
    rollback.ifPresent(f -> all.add(Map.entry(FileKind.ROLLBACK, f)));
    dependencies.ifPresent(f -> all.add(Map.entry(FileKind.DEPENDENCIES, f)));
    return all;
  }

  /** How many files were read (parsed or not). */
  public int fileCount() {
    return allFiles().size();
  }
}
