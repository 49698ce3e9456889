package io.paasta.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.TestTree;
import io.paasta.config.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class ConfigFileReaderTest {
  @TempDir Path dir;

  private final ConfigFileReader reader = new ConfigFileReader();

  private ParsedFile parse(String... lines) {
    new TestTree(dir).file("f.yaml", lines);
    ConfigFileReader.Result result = reader.readYaml(dir.resolve("f.yaml"), "svc/f.yaml");
    assertThat(result).isInstanceOf(ConfigFileReader.Parsed.class);
    return ((ConfigFileReader.Parsed) result).file();
  }

  private Problem fail(String... lines) {
    new TestTree(dir).file("f.yaml", lines);
    ConfigFileReader.Result result = reader.readYaml(dir.resolve("f.yaml"), "svc/f.yaml");
    assertThat(result).isInstanceOf(ConfigFileReader.Failed.class);
    return ((ConfigFileReader.Failed) result).problem();
  }

  @Test
  void anchorsAndMergeKeysExpandWithExplicitKeysWinning() {
    ParsedFile file =
        parse(
            "_base: &base",
            "  cpus: 0.1",
            "  env: {A: '1'}",
            "main:",
            "  <<: *base",
            "  cpus: 0.5",
            "canary:",
            "  <<: *base");
    Map<Object, Object> root = (Map<Object, Object>) file.root();
    assertThat((Map<Object, Object>) root.get("main"))
        .containsEntry("cpus", 0.5)
        .containsEntry("env", Map.of("A", "1"));
    assertThat((Map<Object, Object>) root.get("canary")).containsEntry("cpus", 0.1);
  }

  @Test
  void scalarsFollowPyYamlYaml11Rules() {
    Map<Object, Object> root =
        (Map<Object, Object>)
            parse("a: yes", "b: 0755", "c: off", "d: 2016-07-28T00:00:00Z").root();
    assertThat(root).containsEntry("a", true).containsEntry("b", 493).containsEntry("c", false);
    assertThat(root.get("d")).isEqualTo("2016-07-28T00:00:00Z"); // timestamps stay text
  }

  @Test
  void duplicateKeysKeepTheLastAsPyYamlDidAndAreWarnedAbout() {
    ParsedFile file =
        parse("a: 1", "b: {c: 1, c: 2}", "a: 2", "_t: &t {x: 1}", "m: {<<: *t, x: 2}");
    assertThat((Map<Object, Object>) file.root()).containsEntry("a", 2);
    assertThat(file.warnings())
        .extracting(Problem::format)
        .containsExactlyInAnyOrder(
            "svc/f.yaml:2: warning: c: is written twice in the same dict; the last one wins - each key once",
            "svc/f.yaml:3: warning: a: is written twice in the same dict; the last one wins - each key once");
  }

  @Test
  void snakeYamlsOwnDuplicateKeyLogIsQuietOnceAFileIsRead() {
    parse("a: 1", "a: 2");
    assertThat(java.util.logging.Logger.getLogger(LocatingConstructor.class.getName()).getLevel())
        .isEqualTo(java.util.logging.Level.SEVERE);
  }

  @Test
  void linesOfNestedKeysAndListItems() {
    ParsedFile file = parse("main:", "  env:", "    FOO: bar", "  args:", "  - one", "  - two");
    assertThat(file.lineOf(List.of("main"))).isEqualTo(1);
    assertThat(file.lineOf(List.of("main", "env", "FOO"))).isEqualTo(3);
    assertThat(file.lineOf(List.of("main", "args", 1))).isEqualTo(6);
    assertThat(file.lineOf(List.of("main", "missing"))).isEqualTo(1);
  }

  @Test
  void malformedYamlNamesLineAndColumn() {
    Problem problem = fail("main:", "  cpus: 1", " mem: 2");
    assertThat(problem.file()).isEqualTo("svc/f.yaml");
    assertThat(problem.line()).isEqualTo(3);
    assertThat(problem.column()).isGreaterThan(0);
    assertThat(problem.format()).startsWith("svc/f.yaml:3:").contains("is not valid YAML");
  }

  @Test
  void aliasBombIsRefused() {
    String[] lines = new String[10];
    lines[0] = "a0: &a0 [x, x, x, x, x, x, x, x, x]";
    for (int i = 1; i < 10; i++) {
      String prev = "*a" + (i - 1);
      lines[i] =
          "a"
              + i
              + ": &a"
              + i
              + " ["
              + String.join(", ", java.util.Collections.nCopies(9, prev))
              + "]";
    }
    Problem problem = fail(lines);
    assertThat(problem.message()).contains("aliases");
  }

  @Test
  void recursiveStructuresAreRefused() {
    Problem problem = fail("a: &a", "  - *a");
    assertThat(problem.message())
        .isEqualTo("has a value that contains itself through a YAML alias");
  }

  @Test
  void emptyFileHasNoRoot() {
    assertThat(parse("").isEmpty()).isTrue();
  }
}
