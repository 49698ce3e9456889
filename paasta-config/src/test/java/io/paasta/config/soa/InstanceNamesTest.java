package io.paasta.config.soa;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.TestTree;
import io.paasta.config.yaml.TopLevelKeys;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Listing instance names from top-level keys finds what a full load finds. */
class InstanceNamesTest {
  @TempDir Path root;

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("plain dicts", List.of("main: {instances: 2}", "canary:", "  cpus: 1")),
        Arguments.of(
            "templates, anchors and merge keys below the top",
            List.of(
                "---",
                "_base: &base",
                "  cpus: 0.1",
                "  env: {A: b}",
                "main:",
                "  <<: *base",
                "  instances: 2",
                "canary:",
                "  <<: *base")),
        Arguments.of("an instance that is an alias", List.of("main: &m {cpus: 1}", "copy: *m")),
        Arguments.of("an alias to a scalar", List.of("x: &x 3", "main: *x", "other: {}")),
        Arguments.of("not a dict", List.of("main: 3", "list: [1]", "empty:", "ok: {}")),
        Arguments.of("a duplicate: the last wins", List.of("main: {}", "main: 4", "b: 1", "b: {}")),
        Arguments.of("quoted keys", List.of("'main': {}", "\"canary\": {}")),
        Arguments.of(
            "keys that are not strings", List.of("yes: {}", "123: {}", "~: {}", "1.5: {}")),
        Arguments.of("bad names", List.of("Main: {}", "my instance: {}", "-x: {}", "ok: {}")),
        Arguments.of("a merge key at the top", List.of("_t: &t {a: {}}", "<<: *t", "b: {}")),
        Arguments.of("a root that is a list", List.of("- main: {}")),
        Arguments.of("a root that is a scalar", List.of("main")),
        Arguments.of("an empty file", List.of("")),
        Arguments.of("a syntax error late", List.of("main: {}", "canary: {", "  a: [")),
        Arguments.of("two documents", List.of("main: {}", "---", "other: {}")),
        Arguments.of("an explicit tag", List.of("main: !!map {}", "b: {}")),
        Arguments.of("an unknown tag", List.of("main: !thing {}", "b: {}")),
        Arguments.of("an undefined alias", List.of("main: *nowhere", "b: {}")),
        Arguments.of("a value that contains itself", List.of("main: &a {self: *a}", "b: {}")),
        Arguments.of("an alias bomb", aliasBomb()),
        Arguments.of("a timestamp key", List.of("2001-12-14: {}", "main: {}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void namesAreThoseOfAFullLoad(String description, List<String> lines) {
    new TestTree(root).file("web/marathon-dev.yaml", lines.toArray(String[]::new));
    new TestTree(root).file("web/chronos-dev.yaml", "nightly: {schedule: '@daily', cmd: x}");
    SoaConfigsLoader loader = SoaConfigsLoader.open(root);

    assertThat(loader.instanceNames("web"))
        .containsExactlyElementsOf(
            loader.load("web").service().instances().stream()
                .map(i -> i.ref().instance())
                .collect(Collectors.toCollection(java.util.TreeSet::new)));
  }

  @Test
  void plainFilesAreReadFromTheirEventsAlone() {
    assertThat(keys("_base: &b {a: 1}", "main:", "  <<: *b", "copy: *b", "n: 3"))
        .contains(Map.of("_base", true, "main", true, "copy", true, "n", false));
    assertThat(keys("- 1")).contains(Map.of());
  }

  @Test
  void anythingTheFullReaderMightSeeDifferentlyIsLeftToIt() {
    assertThat(keys("yes: {}")).isEmpty();
    assertThat(keys("<<: {a: {}}")).isEmpty();
    assertThat(keys("a: !!map {}")).isEmpty();
    assertThat(keys("a: {}", "---", "b: {}")).isEmpty();
    assertThat(keys("a: &a [*a]")).isEmpty();
    assertThat(keys("a: {", "b")).isEmpty();
    assertThat(keys(aliasBomb().toArray(String[]::new))).isEmpty();
  }

  @Test
  void otherFilesAndHiddenFilesAreNotRead() {
    new TestTree(root)
        .file("web/service.yaml", "main: {}")
        .file("web/.marathon-dev.yaml", "hidden: {}")
        .file("web/marathon-dev.yaml", "main: {}")
        .file("web/adhoc-dev.yaml", "shell: {}");

    assertThat(SoaConfigsLoader.open(root).instanceNames("web")).containsExactly("main", "shell");
  }

  @Test
  void linkedFilesAreReadOnlyInsideTheTree(@TempDir Path outside) throws Exception {
    new TestTree(root)
        .file("web/marathon-dev.yaml", "main: {}")
        .file("shared/templates.yaml", "linked: {}");
    Files.writeString(outside.resolve("secret.yaml"), "secret: {}\n");
    Files.createSymbolicLink(
        root.resolve("web/marathon-prod.yaml"), Path.of("../shared/templates.yaml"));
    Files.createSymbolicLink(root.resolve("web/adhoc-dev.yaml"), outside.resolve("secret.yaml"));

    assertThat(SoaConfigsLoader.open(root).instanceNames("web")).containsExactly("linked", "main");
  }

  private static Optional<Map<String, Boolean>> keys(String... lines) {
    return TopLevelKeys.read(new StringReader(String.join("\n", lines) + "\n"));
  }

  /** More aliases than the reader allows. */
  private static List<String> aliasBomb() {
    StringBuilder list = new StringBuilder("main: {l: [");
    for (int i = 0; i < 1100; i++) {
      list.append(i == 0 ? "" : ", ").append("*a");
    }
    return List.of("a: &a [1, 2]", list + "]}", "other: {}");
  }
}
