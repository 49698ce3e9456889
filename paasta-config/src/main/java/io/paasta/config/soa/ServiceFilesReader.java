package io.paasta.config.soa;

import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.config.yaml.ConfigFileReader;
import io.paasta.config.yaml.ParsedFile;
import io.paasta.model.InstanceKind;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads and parses every file of one service folder; reading never throws. */
public final class ServiceFilesReader {
  private static final String SECRETS_DIR = "secrets";

  private final ConfigFileReader reader;
  private final SoaDir soaDir;

  /**
   * @param soaDir the tree: files that lead out of it are refused, not read
   */
  public ServiceFilesReader(ConfigFileReader reader, SoaDir soaDir) {
    this.reader = reader;
    this.soaDir = soaDir;
  }

  /** Reads the folder {@code dir} of service {@code service}. */
  public ServiceFiles read(String service, Path dir) {
    Collector files = new Collector(service);
    Path realDir = SoaDir.realPathOrNull(dir);
    for (Path entry : sortedEntries(dir, service, files.problems)) {
      String fileName = entry.getFileName().toString();
      if (fileName.startsWith(".")) {
        continue;
      }
      Optional<FileKind> kind = FileKind.ofFileName(fileName);
      if (!fileName.equals(SECRETS_DIR) && (kind.isEmpty() || kind.get() == FileKind.SECRET)) {
        files.problems.add(unknownKind(service + "/" + fileName));
        continue;
      }
      SoaDir.Inside inside = soaDir.insideEntry(entry, realDir, service + "/" + fileName);
      if (inside instanceof SoaDir.Outside outside) {
        files.problems.add(outside.problem());
        continue;
      }
      entry = ((SoaDir.Contained) inside).realPath();
      if (fileName.equals(SECRETS_DIR) && Files.isDirectory(entry)) {
        readSecrets(entry, files);
        continue;
      }
      if (kind.isEmpty()) { // "secrets" that is not a folder
        files.problems.add(unknownKind(service + "/" + fileName));
        continue;
      }
      read(kind.get(), entry, fileName, service + "/" + fileName, files);
    }
    return files.build();
  }

  private static Problem unknownKind(String name) {
    return Problem.warning(
        Location.of(name),
        "",
        "unknown file kind, ignored",
        "service.yaml, smartstack.yaml, monitoring.yaml, deploy.yaml, deployments.json,"
            + " rollback.yaml, dependencies.yaml, secrets/, or"
            + " <marathon|kubernetes|eks|chronos|adhoc|tron>-<cluster>.yaml");
  }

  private void read(FileKind kind, Path path, String fileName, String name, Collector files) {
    ConfigFileReader.Result result =
        kind == FileKind.DEPLOYMENTS ? reader.readJson(path, name) : reader.readYaml(path, name);
    if (result instanceof ConfigFileReader.Failed failed) {
      files.problems.add(failed.problem());
      return;
    }
    ParsedFile parsed = ((ConfigFileReader.Parsed) result).file();
    files.problems.addAll(parsed.warnings());
    switch (kind) {
      case SERVICE -> files.serviceYaml = parsed;
      case SMARTSTACK -> files.smartstack = parsed;
      case MONITORING -> files.monitoring = parsed;
      case DEPLOY -> files.deploy = parsed;
      case DEPLOYMENTS -> files.deployments = parsed;
      case ROLLBACK -> files.rollback = parsed;
      case DEPENDENCIES -> files.dependencies = parsed;
      case TRON ->
          files.tronFiles.add(
              new ServiceFiles.TronFile(
                  FileKind.tronCluster(path.getFileName().toString()).orElseThrow(), parsed));
      case MARATHON, KUBERNETES, CHRONOS, ADHOC -> {
        InstanceKind.KindAndCluster kc = InstanceKind.parseFileName(fileName).orElseThrow();
        files.instanceFiles.add(new ServiceFiles.InstanceFile(kc.kind(), kc.cluster(), parsed));
      }
      case SECRET -> throw new IllegalStateException("secrets are read from secrets/");
    }
  }

  private void readSecrets(Path dir, Collector files) {
    String folder = files.service + "/" + SECRETS_DIR + "/";
    for (Path entry : sortedEntries(dir, folder, files.problems)) {
      String fileName = entry.getFileName().toString();
      if (fileName.startsWith(".")) {
        continue;
      }
      if (!fileName.endsWith(".json")) {
        files.problems.add(
            Problem.warning(
                Location.of(folder + fileName), "", "not a secret file, ignored", "<name>.json"));
        continue;
      }
      String secret = fileName.substring(0, fileName.length() - ".json".length());
      files.secretNames.add(secret);
      SoaDir.Inside inside = soaDir.inside(entry, folder + fileName);
      if (inside instanceof SoaDir.Outside outside) {
        files.problems.add(outside.problem());
        continue;
      }
      ConfigFileReader.Result result =
          reader.readJson(((SoaDir.Contained) inside).realPath(), folder + fileName);
      if (result instanceof ConfigFileReader.Parsed parsed) {
        files.secrets.put(secret, parsed.file());
      } else {
        files.problems.add(((ConfigFileReader.Failed) result).problem());
      }
    }
  }

  private static List<Path> sortedEntries(Path dir, String name, List<Problem> problems) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    } catch (FileSystemException e) {
      problems.add(
          Problem.error(
              Location.of(name),
              "",
              "folder cannot be read: " + SoaDir.reason(e),
              Problem.NO_VALUE,
              ""));
    } catch (IOException e) {
      problems.add(
          Problem.error(
              Location.of(name),
              "",
              "folder cannot be read: " + e.getMessage(),
              Problem.NO_VALUE,
              ""));
    }
    entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return entries;
  }

  /** Mutable state while one folder is read. */
  private static final class Collector {
    final String service;
    ParsedFile serviceYaml;
    ParsedFile smartstack;
    ParsedFile monitoring;
    ParsedFile deploy;
    ParsedFile deployments;
    ParsedFile rollback;
    ParsedFile dependencies;
    final List<ServiceFiles.TronFile> tronFiles = new ArrayList<>();
    final List<ServiceFiles.InstanceFile> instanceFiles = new ArrayList<>();
    final Map<String, ParsedFile> secrets = new TreeMap<>();
    final java.util.Set<String> secretNames = new java.util.TreeSet<>();
    final List<Problem> problems = new ArrayList<>();

    Collector(String service) {
      this.service = service;
    }

    ServiceFiles build() {
      return new ServiceFiles(
          service,
          Optional.ofNullable(serviceYaml),
          instanceFiles,
          Optional.ofNullable(smartstack),
          Optional.ofNullable(monitoring),
          Optional.ofNullable(deploy),
          Optional.ofNullable(deployments),
          secrets,
          secretNames,
          problems,
          tronFiles,
          Optional.ofNullable(rollback),
          Optional.ofNullable(dependencies));
    }
  }
}
