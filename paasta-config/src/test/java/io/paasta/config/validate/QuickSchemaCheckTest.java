package io.paasta.config.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.problem.Problem;
import io.paasta.config.soa.FileKind;
import io.paasta.config.yaml.ConfigFileReader;
import io.paasta.config.yaml.Locator;
import io.paasta.config.yaml.ParsedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick check agrees with the JSON Schema library: it never calls valid what the library
 * refuses, it calls valid the real files the library accepts, and {@link SchemaValidator}'s
 * problems are the library's on every document: the example tree's files, a file of each other
 * kind, and thousands of their mutations (each value replaced by values of every type, keys added
 * and removed).
 */
class QuickSchemaCheckTest {
  private static final Path EXAMPLES = Path.of("../examples/soa-configs");

  /** Values every node of a document is replaced with, one at a time. */
  private static final List<Object> REPLACEMENTS =
      List.of(
          "text",
          "",
          "100m",
          "_template",
          "Bad Name!",
          "cron */5 * * * *",
          0,
          1,
          -1,
          5,
          70000,
          9_007_199_254_740_993L,
          2.5,
          -0.5,
          2.0,
          true,
          false,
          List.of(),
          List.of("a", "a"),
          List.of(1),
          Map.of(),
          Map.of("k", "v"),
          Map.of("main", Map.of("cpus", 1)));

  /** Files of the kinds the examples lack, valid as written. */
  private static final Map<String, String> OTHER_KINDS =
      Map.of(
          "tron-prod.yaml",
          """
          _defaults: &defaults
            node: paasta
          nightly:
            schedule: "cron 0 3 * * *"
            deploy_group: prod.everything
            actions:
              build:
                <<: *defaults
                command: make report
                retries: 2
                cpus: 0.5
                mem: 512
                requires: []
              publish:
                command: ./publish
                requires: [build]
          weekly:
            schedule: {type: daily, value: "04:00 MWF", jitter: 5m}
            actions:
              run:
                command: ./weekly
                expected_runtime: 2h
          """,
          "rollback.yaml",
          """
          conditions:
            signalfx:
              - query: "data('errors').publish()"
                upper_bound: 10
                lower_bound: null
          allowed_failing_queries: 1
          rollback_window_s: 600
          check_interval_s: 30
          enable_slo_rollback: true
          """,
          "dependencies.yaml",
          """
          main:
            - smartstack: other.main
            - well-known: mysql
          canary:
            - smartstack: other.main
          """,
          "deployments.json",
          """
          {"v1": {"svc:paasta-prod.everything": {"docker_image": "services-svc:paasta-0123456789abcdef0123456789abcdef01234567",
                  "desired_state": "start", "force_bounce": null}},
           "v2": {"deployments": {"prod.everything": {"docker_image": "services-svc:paasta-0123456789abcdef0123456789abcdef01234567",
                                                      "git_sha": "0123456789abcdef0123456789abcdef01234567"}},
                  "controls": {"svc:prod.main": {"desired_state": "start", "force_bounce": null}}}}
          """,
          "system.json",
          """
          {"cluster": "local", "docker_registry": "127.0.0.1:5000",
           "api_endpoints": {"local": "http://127.0.0.1:5054"},
           "max_instances_per_instance": 50, "monitoring_senders": ["log", "webhook"],
           "event_webhook_url": "http://127.0.0.1:9000/events", "event_queue_size": 100}
          """);

  @TempDir Path dir;

  private final QuickSchemaCheck quick = new QuickSchemaCheck();
  private final SchemaValidator library = SchemaValidator.libraryOnly();
  private final SchemaValidator validator = new SchemaValidator();

  @Test
  void theRealFilesAreValidForBothAndTakeTheQuickPath() throws IOException {
    List<Document> documents = documents();
    assertThat(documents).hasSizeGreaterThan(20);
    for (Document d : documents) {
      assertThat(libraryProblems(d)).as(d.name()).isEmpty();
      assertThat(quick.certainlyValid(d.schema(), d.root())).as(d.name()).isTrue();
    }
  }

  @Test
  void noMutationTheLibraryRefusesIsCalledValidAndTheProblemsAreTheLibrarys() throws IOException {
    int mutants = 0;
    int refused = 0;
    int quickValid = 0;
    int libraryValid = 0;
    List<String> disagreements = new ArrayList<>();
    for (Document d : documents()) {
      for (Object mutant : mutants(d.root())) {
        mutants++;
        Document m = new Document(d.name(), d.schema(), mutant);
        List<Problem> expected = libraryProblems(m);
        boolean quickSays = quick.certainlyValid(m.schema(), mutant);
        if (quickSays && !expected.isEmpty()) {
          disagreements.add(d.name() + ": " + mutant + " -> " + expected);
        }
        refused += expected.isEmpty() ? 0 : 1;
        libraryValid += expected.isEmpty() ? 1 : 0;
        quickValid += quickSays ? 1 : 0;
        assertThat(problems(validator, m)).as(d.name() + ": " + mutant).isEqualTo(expected);
      }
    }
    assertThat(disagreements).isEmpty();
    // the table is wide enough to mean something, and the quick path serves most valid documents
    assertThat(mutants).isGreaterThan(5_000);
    assertThat(refused).isGreaterThan(1_000);
    assertThat(quickValid).isGreaterThan(libraryValid * 9 / 10);
  }

  @Test
  void unusualValuesAndUnknownSchemasAreLeftToTheLibrary() {
    Map<String, Object> withSet =
        Map.of("main", Map.of("cpus", 1, "env", Map.of("A", new java.util.HashSet<>())));
    assertThat(quick.certainlyValid("marathon.schema.json", withSet)).isFalse();
    Map<Object, Object> numberKey = new LinkedHashMap<>();
    numberKey.put(1, Map.of("cpus", 1));
    assertThat(quick.certainlyValid("marathon.schema.json", numberKey)).isFalse();
    assertThat(
            quick.certainlyValid("marathon.schema.json", Map.of("main", Map.of("cpus", 1.0 / 0))))
        .isFalse();
    assertThat(quick.certainlyValid("nothing.schema.json", Map.of())).isFalse();
    assertThat(quick.certainlyValid("marathon.schema.json", Map.of("main", Map.of("cpus", 1))))
        .isTrue();
  }

  private List<Problem> libraryProblems(Document d) {
    return problems(library, d);
  }

  private static List<Problem> problems(SchemaValidator v, Document d) {
    ParsedFile file = new ParsedFile(d.name(), d.root(), Locator.NONE);
    return d.schema().equals("system.schema.json")
        ? v.validateSystemConfig(file)
        : v.validate(kindOf(d.schema()), file);
  }

  private static FileKind kindOf(String schema) {
    for (FileKind kind : FileKind.values()) {
      if (kind.schema().equals(schema)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(schema);
  }

  private record Document(String name, String schema, Object root) {}

  private List<Document> documents() throws IOException {
    List<Document> documents = new ArrayList<>();
    ConfigFileReader reader = new ConfigFileReader();
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = EXAMPLES.relativize(file).toString();
        FileKind.ofFileName(file.getFileName().toString())
            .filter(kind -> file.getParent().getParent().equals(EXAMPLES))
            .ifPresent(kind -> documents.add(read(reader, file, name, kind.schema())));
      }
    }
    for (Map.Entry<String, String> other : OTHER_KINDS.entrySet()) {
      Path file = dir.resolve(other.getKey());
      Files.writeString(file, other.getValue());
      String schema =
          other.getKey().equals("system.json")
              ? "system.schema.json"
              : FileKind.ofFileName(other.getKey()).orElseThrow().schema();
      documents.add(read(reader, file, other.getKey(), schema));
    }
    return documents;
  }

  private static Document read(ConfigFileReader reader, Path file, String name, String schema) {
    ConfigFileReader.Result result =
        name.endsWith(".json") ? reader.readJson(file, name) : reader.readYaml(file, name);
    assertThat(result).as(name).isInstanceOf(ConfigFileReader.Parsed.class);
    return new Document(name, schema, ((ConfigFileReader.Parsed) result).file().root());
  }

  /** Every node replaced by each replacement, a key added to every dict, each key removed. */
  private static List<Object> mutants(Object root) {
    List<Object> mutants = new ArrayList<>();
    for (List<Object> path : paths(root, new ArrayList<>(), new ArrayList<>())) {
      for (Object replacement : REPLACEMENTS) {
        mutants.add(replaced(root, path, replacement));
      }
      Object node = at(root, path);
      if (node instanceof Map<?, ?> map) {
        Map<Object, Object> added = new LinkedHashMap<>(map);
        added.put("zz_unknown_key", 1);
        mutants.add(replaced(root, path, added));
        for (Object key : map.keySet()) {
          Map<Object, Object> removed = new LinkedHashMap<>(map);
          removed.remove(key);
          mutants.add(replaced(root, path, removed));
        }
      }
    }
    return mutants;
  }

  private static List<List<Object>> paths(Object node, List<Object> at, List<List<Object>> found) {
    found.add(List.copyOf(at));
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            at.add(key);
            paths(value, at, found);
            at.remove(at.size() - 1);
          });
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        at.add(i);
        paths(list.get(i), at, found);
        at.remove(at.size() - 1);
      }
    }
    return found;
  }

  private static Object at(Object node, List<Object> path) {
    for (Object step : path) {
      node = node instanceof Map<?, ?> map ? map.get(step) : ((List<?>) node).get((Integer) step);
    }
    return node;
  }

  /** A deep copy of {@code node} with the value at {@code path} replaced. */
  private static Object replaced(Object node, List<Object> path, Object value) {
    if (path.isEmpty()) {
      return value;
    }
    Object step = path.get(0);
    List<Object> rest = path.subList(1, path.size());
    if (node instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>(map);
      copy.put(step, replaced(map.get(step), rest, value));
      return copy;
    }
    List<Object> copy = new ArrayList<>((List<?>) node);
    copy.set((Integer) step, replaced(copy.get((Integer) step), rest, value));
    return copy;
  }
}
