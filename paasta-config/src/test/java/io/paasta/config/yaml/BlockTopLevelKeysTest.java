package io.paasta.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line scanner reads only files SnakeYAML reads without error, and sees the same top-level keys
 * and dicts there. Checked on every instance file of the examples, on the benchmark tree's shape
 * and on thousands of mutations of them (the mutations it accepts must read the same in full).
 */
class BlockTopLevelKeysTest {
  private static final YamlMutations MUTATIONS =
      new YamlMutations(
          " :#-{}[]&*!|>'\",?%@\\ab1_",
          new String[] {"*base", "&x", "&x {}", "*x", "<<: *base", "- a", "{a: *base}", "[1, 2]"},
          false);

  private static final Path EXAMPLES = Path.of("../examples/soa-configs");

  /**
   * The shape of an instance file of bench/run.sh's generated tree (paasta-bench TreeGenerator).
   */
  private static final String GENERATED =
      """
      ---
      _base: &base
        cpus: 0.1
        mem: 128
        disk: 256
        cmd: "/srv/bin/svc-0001-server --port 8888"
        healthcheck_mode: http
        healthcheck_uri: /status
        registrations: ["svc-0001.main"]
        env:
          APP_CLUSTER: cluster-a
          JAVA_OPTS: "-Xms64m -Xmx96m"
        extra_volumes:
          - {containerPath: /nail/srv/configs, hostPath: /nail/srv/configs, mode: RO}

      main:
        <<: *base
        instances: 4
        deploy_group: cluster-a.everything

      canary:
        <<: *base
        instances: 1
      read_only:
        <<: *base
        env:
          READ_ONLY: "true"
      """;

  @TempDir Path dir;

  @Test
  void readsTheBenchmarkShapeAndEveryInstanceFileOfTheExamples() throws IOException {
    assertThat(BlockTopLevelKeys.read(bytes(GENERATED)))
        .contains(ordered("_base", true, "main", true, "canary", true, "read_only", true));
    List<Path> files = exampleInstanceFiles();
    assertThat(files).hasSizeGreaterThan(5);
    for (Path file : files) {
      byte[] content = Files.readAllBytes(file);
      assertThat(BlockTopLevelKeys.read(content)).as(file.toString()).isPresent();
      assertSameAsFullRead(file.toString(), content);
    }
  }

  @Test
  void readsWhatItAcceptsAsSnakeYamlDoes() {
    assertThat(keys("main: {instances: 2}", "canary:", "  cpus: 1", "empty:", "list:", "  - 1"))
        .contains(ordered("main", true, "canary", true, "empty", false, "list", false));
    assertThat(keys("x: &x {a: 1}", "copy: *x", "n: &n 3", "m: *n"))
        .contains(ordered("x", true, "copy", true, "n", false, "m", false));
    assertThat(keys("main: {}", "main: 4", "b: 1", "b: {}"))
        .contains(ordered("main", false, "b", true));
    assertThat(keys("'main': {}", "\"canary\": {}", "# only a comment"))
        .contains(ordered("main", true, "canary", true));
    assertThat(keys("list:", "  - a: 1", "    b: {}", "  -   c: [x]", "  - d", "main:", "  x: 1"))
        .contains(ordered("list", false, "main", true));
    assertThat(keys("")).contains(Map.of());
    assertThat(keys("---")).contains(Map.of());
  }

  @Test
  void leavesEverythingOutsideItsSubsetToTheParser() {
    for (String[] lines :
        List.of(
            new String[] {"yes: {}"},
            new String[] {"123: {}"},
            new String[] {"<<: {a: {}}"},
            new String[] {"a: !!map {}"},
            new String[] {"a: {}", "---", "b: {}"},
            new String[] {"a: &a [*a]"},
            new String[] {"a: &a", "  b: *a"},
            new String[] {"a: {", "  b: 1}"},
            new String[] {"a: |", "  text"},
            new String[] {"a: some", "  text"},
            new String[] {"a:", "  b: 1", " c: 2"},
            new String[] {"a:", "- 1"},
            new String[] {"a:", "  - b: 1", "   c: 2"},
            new String[] {"a: \"\\u0041\""},
            new String[] {"a: b: c"},
            new String[] {"a: *nowhere"},
            new String[] {"a: &x 1", "b: &x 2"},
            new String[] {"b:", "  <<: *x"},
            new String[] {"x: &x 1", "b:", "  <<: *x"},
            new String[] {"- main: {}"},
            new String[] {"main"},
            new String[] {"  main: {}"},
            new String[] {"main:\t{}"},
            new String[] {"main: {}\r"},
            new String[] {"m\u00e4in: {}"},
            new String[] {"%YAML 1.1", "---", "a: {}"})) {
      assertThat(keys(lines)).as(String.join("\\n", lines)).isEmpty();
    }
  }

  /**
   * Tricky files, in the scanner's subset or not: what the reader answers for the instance list
   * (the scanner, else its fallbacks) is the keys and dicts of the full read.
   */
  @Test
  void theReaderAnswersAsTheFullReadOnTrickyFiles() throws IOException {
    String bom = "\uFEFF";
    List<String> files =
        List.of(
            "_t: &t\n  cpus: 1\nmain:\n  <<: *t\ncanary: *t\nn: &n 3\nm: *n\n",
            "'quoted': {}\n\"double\": {a: 1}\n'it''s': {}\nplain-key.x/y: {}\n",
            "# a comment\nmain: # after the key\n  cpus: 1 # after a value\n\n  # indented\nb: 1\n",
            "flow: {a: [1, {b: 2}], c: 'x, y'}\nlist: [a, b]\nempty: {}\nnone:\n",
            "---\nmain: {}\n",
            "---\nmain: {}\n---\nother: {}\n",
            "main:\r\n  cpus: 1\r\ncanary: {}\r\n",
            bom + "main:\n  cpus: 1\ncanary: 2\n",
            "main: {}\nmain: 4\nb: 1\nb: {}\n",
            "yes: {}\n123: {}\nnull: {}\n~: {}\n",
            "a: |\n  text: {}\nb:\n  - c: 1\n    d: {}\n  - e\n",
            "key: \"a: b\"\nk2: a#b\nk3: x # c: d\n",
            "d\u00e9j\u00e0: {}\nmain: {cmd: caf\u00e9}\n",
            "main:\n\tcpus: 1\n");
    ConfigFileReader reader = new ConfigFileReader();
    for (String content : files) {
      Path file = dir.resolve("marathon-tricky.yaml");
      Files.writeString(file, content, StandardCharsets.UTF_8);
      ConfigFileReader.Result full = reader.readYaml(file, "marathon-tricky.yaml");
      Map<String, Boolean> expected = new LinkedHashMap<>();
      if (full instanceof ConfigFileReader.Parsed parsed
          && parsed.file().root() instanceof Map<?, ?> map) {
        map.forEach((key, value) -> expected.put(String.valueOf(key), value instanceof Map<?, ?>));
      }
      assertThat(reader.readTopLevelKeys(file, "marathon-tricky.yaml"))
          .as(content)
          .isEqualTo(expected);
    }
  }

  /**
   * Mutations of real files (characters, lines and indentation changed, aliases and anchors added):
   * whatever the scanner accepts, SnakeYAML reads without error and to the same keys and dicts.
   */
  @Test
  void acceptsOnlyWhatReadsTheSameInFull() throws IOException {
    List<List<String>> sources = new ArrayList<>();
    sources.add(GENERATED.lines().toList());
    for (Path file : exampleInstanceFiles()) {
      sources.add(Files.readAllLines(file));
    }
    // more with -DblockKeys.mutations=N -DblockKeys.seed=S (a longer search, not a longer suite)
    Random random = new Random(Long.getLong("blockKeys.seed", 20261206));
    int accepted = 0;
    int tried = Integer.getInteger("blockKeys.mutations", 3000);
    for (int i = 0; i < tried; i++) {
      List<String> lines = new ArrayList<>(sources.get(random.nextInt(sources.size())));
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        MUTATIONS.mutate(lines, random);
      }
      byte[] content = bytes(String.join("\n", lines) + "\n");
      if (BlockTopLevelKeys.read(content).isPresent()) {
        accepted++;
        assertSameAsFullRead("mutation " + i + ":\n" + String.join("\n", lines), content);
      }
    }
    // the mutations exercise both sides: many are accepted, many are left to the parser
    assertThat(accepted).isBetween(tried / 10, tried - tried / 10);
  }

  private void assertSameAsFullRead(String description, byte[] content) {
    Path file = dir.resolve("marathon-dev.yaml");
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ConfigFileReader.Result full = new ConfigFileReader().readYaml(file, "marathon-dev.yaml");
    assertThat(full).as(description).isInstanceOf(ConfigFileReader.Parsed.class);
    Object root = ((ConfigFileReader.Parsed) full).file().root();
    Map<String, Boolean> expected = new LinkedHashMap<>();
    if (root instanceof Map<?, ?> map) {
      map.forEach((key, value) -> expected.put(String.valueOf(key), value instanceof Map<?, ?>));
    }
    Map<String, Boolean> scanned = BlockTopLevelKeys.read(content).orElseThrow();
    assertThat(scanned).as(description).isEqualTo(expected);
    assertThat(List.copyOf(scanned.keySet()))
        .as(description)
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
  }

  private static List<Path> exampleInstanceFiles() throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f ->
                  f.getFileName()
                      .toString()
                      .matches("(marathon|kubernetes|eks|adhoc|chronos)-.*\\.yaml"))
          .sorted()
          .toList();
    }
  }

  private static Optional<Map<String, Boolean>> keys(String... lines) {
    return BlockTopLevelKeys.read(bytes(String.join("\n", lines) + "\n"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Boolean> ordered(Object... keysAndDicts) {
    Map<String, Boolean> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndDicts.length; i += 2) {
      map.put((String) keysAndDicts[i], (Boolean) keysAndDicts[i + 1]);
    }
    return map;
  }
}
