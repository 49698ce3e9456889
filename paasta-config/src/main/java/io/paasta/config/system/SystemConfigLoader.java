package io.paasta.config.system;

import io.paasta.config.ConfigException;
import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.config.problem.Problems;
import io.paasta.config.soa.ConfigMerge;
import io.paasta.config.soa.FieldReader;
import io.paasta.config.yaml.ConfigFileReader;
import io.paasta.config.yaml.Locator;
import io.paasta.config.yaml.ParsedFile;
import io.paasta.model.SystemConfig;
import io.paasta.model.Volume;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the system config: every {@code *.json} of the directory deep-merged in lexical file order
 * (later files win). Unknown keys are kept.
 */
public final class SystemConfigLoader {
  private final ConfigFileReader reader;

  public SystemConfigLoader(ConfigFileReader reader) {
    this.reader = reader;
  }

  /** The merged config, or the problems that keep it from being usable. */
  public record Loaded(
      Optional<SystemConfig> config, Map<String, Object> merged, List<Problem> problems) {}

  /** The directory from $PAASTA_SYSTEM_CONFIG_DIR, else /etc/paasta. */
  public static Path defaultDir() {
    String fromEnv = System.getenv(SystemConfig.DIR_ENV);
    return Path.of(fromEnv == null || fromEnv.isBlank() ? SystemConfig.DEFAULT_DIR : fromEnv);
  }

  /**
   * The usable system config of {@code dir}.
   *
   * @throws ConfigException listing its errors when it is not usable
   */
  public static SystemConfig loadUsable(Path dir) {
    Loaded loaded = new SystemConfigLoader(new ConfigFileReader()).load(dir);
    return loaded
        .config()
        .orElseThrow(
            () ->
                new ConfigException(
                    "the system config in "
                        + dir
                        + " is not usable: "
                        + loaded.problems().stream()
                            .filter(Problem::isError)
                            .map(Problem::format)
                            .collect(Collectors.joining("; "))));
  }

  public Loaded load(Path dir) {
    Problems problems = new Problems();
    String dirName = dir.toString();
    if (!Files.isDirectory(dir)) {
      problems.add(
          Problem.error(
              Location.of(dirName),
              "",
              "system config directory does not exist",
              Problem.NO_VALUE,
              "a directory of *.json files (set it with " + SystemConfig.DIR_ENV + ")"));
      return new Loaded(Optional.empty(), Map.of(), problems.list());
    }
    Map<String, Object> merged = new LinkedHashMap<>();
    for (Path file : jsonFiles(dir, problems)) {
      String name = dirName + "/" + file.getFileName();
      ConfigFileReader.Result result = reader.readJson(file, name);
      if (result instanceof ConfigFileReader.Failed failed) {
        problems.add(failed.problem());
      } else if (((ConfigFileReader.Parsed) result).file().root() instanceof Map<?, ?> map) {
        merged = ConfigMerge.deepMerge(merged, map);
      } else if (!((ConfigFileReader.Parsed) result).file().isEmpty()) {
        problems.add(
            Problem.error(
                Location.of(name),
                "",
                "file does not hold a JSON object",
                Problem.NO_VALUE,
                "a JSON object"));
      }
    }
    if (problems.hasErrors()) {
      // a file that cannot be read may hold the keys that would otherwise be reported missing
      return new Loaded(Optional.empty(), merged, problems.list());
    }
    return new Loaded(build(merged, dirName, problems), merged, problems.list());
  }

  /** The merged dict as a document, for schema validation. */
  public static ParsedFile asDocument(Path dir, Map<String, Object> merged) {
    return new ParsedFile(dir.toString() + "/*.json", merged, Locator.NONE);
  }

  private static Optional<SystemConfig> build(
      Map<String, Object> merged, String dirName, Problems problems) {
    FieldReader fields =
        new FieldReader(merged, "", List.of(), path -> Location.of(dirName + "/*.json"), problems);
    Optional<String> cluster =
        required(fields, "cluster", "the name of this cluster, e.g. \"local\"");
    Optional<String> registry =
        required(fields, "docker_registry", "a registry such as \"127.0.0.1:5000\"");
    List<Volume> volumes = new ArrayList<>();
    for (Map<?, ?> volume : fields.dictList("volumes")) {
      if (volume.get("containerPath") instanceof String c
          && volume.get("hostPath") instanceof String h
          && ("RO".equals(volume.get("mode")) || "RW".equals(volume.get("mode")))) {
        volumes.add(new Volume(c, h, Volume.Mode.valueOf((String) volume.get("mode"))));
      } else {
        fields.problem(
            "volumes", "has an invalid volume", volume, "{containerPath, hostPath, mode: RO|RW}");
      }
    }
    SystemConfig config =
        new SystemConfig(
            cluster.orElse(""),
            registry.orElse(""),
            fields.string("zookeeper"),
            volumes,
            fields.stringMap("api_endpoints"),
            fields.dict("dashboard_links"),
            fields.string("sensu_host", SystemConfig.DEFAULT_SENSU_HOST),
            fields.integer("sensu_port", SystemConfig.DEFAULT_SENSU_PORT),
            fields.string("synapse_host", SystemConfig.DEFAULT_SYNAPSE_HOST),
            fields.integer("synapse_port", SystemConfig.DEFAULT_SYNAPSE_PORT),
            fields.nested("local_run_config").string("default_cluster"),
            merged);
    return problems.hasErrors() ? Optional.empty() : Optional.of(config);
  }

  private static Optional<String> required(FieldReader fields, String key, String expected) {
    Optional<String> value = fields.string(key);
    if (value.isEmpty() && !fields.has(key)) {
      fields.problem(key, "is missing", Problem.NO_VALUE, expected);
    }
    return value;
  }

  private static List<Path> jsonFiles(Path dir, Problems problems) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
      entries.forEach(files::add);
    } catch (IOException e) {
      problems.add(
          Problem.error(
              Location.of(dir.toString()),
              "",
              "cannot be read: " + e.getMessage(),
              Problem.NO_VALUE,
              ""));
    }
    files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return files;
  }
}
