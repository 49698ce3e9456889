package io.paasta.config.soa;

import io.paasta.config.problem.Problems;
import io.paasta.config.yaml.ConfigFileReader;
import io.paasta.config.yaml.ParsedFile;
import io.paasta.model.InstanceKind;
import io.paasta.model.Names;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.ServiceInstance;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads services from a soa-configs directory. Loading one service reads that service's folder only
 * (plus the smartstack.yaml of any other service it registers in); nothing parses the whole tree
 * unless asked to.
 */
public final class SoaConfigsLoader {
  private final SoaDir soaDir;
  private final ConfigFileReader reader;
  private final ServiceFilesReader filesReader;
  private final Map<String, Map<String, NamespaceConfig>> otherNamespaces =
      new ConcurrentHashMap<>();

  public SoaConfigsLoader(SoaDir soaDir, ConfigFileReader reader) {
    this.soaDir = soaDir;
    this.reader = reader;
    this.filesReader = new ServiceFilesReader(reader, soaDir);
  }

  public static SoaConfigsLoader open(Path root) {
    return new SoaConfigsLoader(SoaDir.open(root), new ConfigFileReader());
  }

  public SoaDir soaDir() {
    return soaDir;
  }

  public SoaDir.Listing listServices() {
    return soaDir.list();
  }

  /** Reads and parses a service's files without interpreting them. */
  public ServiceFiles readFiles(String service) {
    return filesReader.read(service, soaDir.serviceDir(service));
  }

  /**
   * Reads a service's files as {@link #readFiles} does, and keeps the namespaces of the
   * smartstack.yaml it parsed for {@link #namespacesOf}, which would otherwise parse the same file
   * again (a service's registrations name its own namespaces). For a loader that reads the tree
   * once, as validate does; one that lives on (the daemon's) reads with {@link #readFiles}.
   */
  public ServiceFiles readFilesKeepingNamespaces(String service) {
    ServiceFiles files = readFiles(service);
    // only a file that was read: one that was not is left to namespacesOf's own attempt
    files
        .smartstack()
        .ifPresent(
            smartstack ->
                otherNamespaces.computeIfAbsent(
                    service, s -> namespacesIn(s, Optional.of(smartstack))));
    return files;
  }

  /** Loads one service; throws {@link io.paasta.config.ConfigException} for an unknown service. */
  public LoadedService load(String service) {
    return assemble(readFiles(service));
  }

  public LoadedService assemble(ServiceFiles files) {
    return new ServiceAssembler(this::namespaceOfOtherService).assemble(files);
  }

  /** A namespace of any service, reading only that service's smartstack.yaml (cached). */
  public Optional<NamespaceConfig> namespaceOfOtherService(ServiceInstance name) {
    return Optional.ofNullable(namespacesOf(name.service()).get(name.instance()));
  }

  /** Every namespace of a service ({@code smartstack.yaml}); empty for an unknown service. */
  public Map<String, NamespaceConfig> namespacesOf(String service) {
    return otherNamespaces.computeIfAbsent(service, this::readNamespaces);
  }

  private Map<String, NamespaceConfig> readNamespaces(String service) {
    if (!soaDir.hasService(service)) {
      return Map.of();
    }
    Optional<Path> file = insideFile(soaDir.root().resolve(service).resolve("smartstack.yaml"));
    if (file.isEmpty()) {
      return Map.of();
    }
    ConfigFileReader.Result result = reader.readYaml(file.get(), service + "/smartstack.yaml");
    if (!(result instanceof ConfigFileReader.Parsed parsed)) {
      return Map.of();
    }
    return namespacesIn(service, Optional.of(parsed.file()));
  }

  private static Map<String, NamespaceConfig> namespacesIn(
      String service, Optional<ParsedFile> smartstack) {
    // problems of another service's file are that service's to report
    return Map.copyOf(ServiceAssembler.namespaces(service, smartstack, new Problems()));
  }

  /** The instance names of one file kind of a service in a cluster, reading only that file. */
  public Optional<ParsedFile> instanceFile(String service, InstanceKind kind, String cluster) {
    Optional<Path> file = insideFile(soaDir.serviceDir(service).resolve(kind.fileName(cluster)));
    if (file.isEmpty()) {
      return Optional.empty();
    }
    ConfigFileReader.Result result =
        reader.readYaml(file.get(), service + "/" + kind.fileName(cluster));
    return result instanceof ConfigFileReader.Parsed parsed
        ? Optional.of(parsed.file())
        : Optional.empty();
  }

  /**
   * A regular file of the tree, at its real path; empty when missing or leading out of the tree
   * (reported when its own service is loaded).
   */
  public Optional<Path> insideFile(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return soaDir.inside(file, file.toString()) instanceof SoaDir.Contained contained
        ? Optional.of(contained.realPath())
        : Optional.empty();
  }

  /**
   * The names of a service's instances: the dicts of its instance files' top-level keys, templates
   * aside, and its Tron jobs' actions ({@code job.action}). Reads only the instance files and, when
   * they are plain YAML, only their top-level keys (no merge, no defaults); {@link #load} finds the
   * same instances. Files leading out of the soa-configs directory are not read.
   */
  public SortedSet<String> instanceNames(String service) {
    SortedSet<String> names = new TreeSet<>();
    Path dir = soaDir.serviceDir(service);
    Path realDir = SoaDir.realPathOrNull(dir);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String fileName = entry.getFileName().toString();
        Optional<String> tronCluster = FileKind.tronCluster(fileName);
        if (fileName.startsWith(".")
            || tronCluster.isEmpty() && InstanceKind.parseFileName(fileName).isEmpty()) {
          continue; // not an instance file: not read, not even resolved
        }
        String name = service + "/" + fileName;
        if (!(soaDir.insideEntry(entry, realDir, name) instanceof SoaDir.Contained contained)) {
          continue; // leads out of the tree
        }
        Path file = contained.realPath();
        if (tronCluster.isPresent()) {
          // Tron instances are <job>.<action>: the jobs' dicts must be read
          if (reader.readYaml(file, name) instanceof ConfigFileReader.Parsed parsed) {
            names.addAll(new ServiceFiles.TronFile(tronCluster.get(), parsed.file()).instances());
          }
          continue;
        }
        reader
            .readTopLevelKeys(file, name)
            .forEach(
                (key, isDict) -> {
                  if (isDict && !Names.isTemplate(key) && Names.isValidName(key)) {
                    names.add(key);
                  }
                });
      }
    } catch (IOException e) {
      // an unreadable folder has no instances to list; validate reports it
    }
    return names;
  }

  /** Clusters named by instance file names anywhere in the tree; reads folder listings only. */
  public TreeSet<String> clusters() {
    TreeSet<String> clusters = new TreeSet<>();
    for (String service : listServices().services()) {
      try (DirectoryStream<Path> entries =
          Files.newDirectoryStream(soaDir.root().resolve(service))) {
        for (Path entry : entries) {
          if (Files.isRegularFile(entry)) {
            String name = entry.getFileName().toString();
            InstanceKind.parseFileName(name).ifPresent(kc -> clusters.add(kc.cluster()));
            FileKind.tronCluster(name).ifPresent(clusters::add);
          }
        }
      } catch (IOException e) {
        // an unreadable folder names no cluster; validate reports it
      }
    }
    return clusters;
  }
}
