package io.paasta.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The plain reader makes the very document SnakeYAML makes (values and their types, key order,
 * values shared through aliases, merge keys, the line of every key and item, keys written twice in
 * SnakeYAML's order) of every file it accepts, and leaves what SnakeYAML refuses to it. Checked on
 * every YAML file of the examples, the benchmark tree's shapes, tricky files and thousands of
 * mutations of them.
 */
class PlainYamlTest {
  private static final Path EXAMPLES = Path.of("../examples/soa-configs");

  private static final YamlMutations MUTATIONS =
      new YamlMutations(
          " :#-{}[]&*!|>'\",?%@\\ab1_.<~",
          new String[] {
            "*base",
            "&x",
            "&x {}",
            "*x",
            "<<: *base",
            "- a",
            "{a: *base}",
            "[1, 2]",
            "&x\n  k: 1",
            "yes",
            "0x1F",
            "1.5e3",
            "'q''s'",
            "\"e\\\"s\"",
            "~",
            "2001-12-14",
            "[a, 'b', \"c\"]",
            "{k: v, k: w}",
            "&y [1]",
            "<<: *x",
            "*y"
          },
          true);

  /** The files of one service of bench/run.sh's generated tree (paasta-bench TreeGenerator). */
  private static final List<String> GENERATED =
      List.of(
          """
          ---
          _base: &base
            cpus: 0.1
            mem: 128
            disk: 256
            cmd: "/srv/bin/svc-0042-server --port 8888"
            healthcheck_mode: http
            healthcheck_uri: /status
            healthcheck_grace_period_seconds: 30
            registrations: ["svc-0042.main"]
            env:
              APP_CLUSTER: cluster-a
              JAVA_OPTS: "-Xms64m -Xmx96m"
              WORKERS: "4"
            extra_volumes:
              - {containerPath: /nail/srv/configs, hostPath: /nail/srv/configs, mode: RO}

          main:
            <<: *base
            instances: 2
            cpus: 0.5
            mem: 512
            deploy_group: cluster-a.everything
            bounce_method: crossover

          canary:
            <<: *base
            instances: 1
            deploy_group: cluster-a.everything
            bounce_method: brutal

          read_only:
            <<: *base
            instances: 1
            deploy_group: cluster-a.everything
            bounce_method: crossover
            bounce_margin_factor: 0.5
            env:
              APP_CLUSTER: cluster-a
              READ_ONLY: "true"
          """,
          """
          ---
          pipeline:
            - step: itest
            - step: push-to-registry
            - step: cluster-a.everything
              trigger_next_step_manually: true
            - step: cluster-b.everything
          """,
          """
          ---
          team: notifications
          notification_email: "notifications@example.com"
          runbook: "https://runbooks.example.com/svc-0042"
          tip: "look at the svc-0042 dashboard first"
          page: true
          ticket: false
          alert_after: 5m
          realert_every: -1
          slack_channels: ["#notifications-alerts"]
          """,
          """
          ---
          description: "svc-0042: synthetic service of the paasta benchmark tree"
          external_link: "https://wiki.example.com/services/svc-0042"
          git_url: "file:///srv/git/svc-0042.git"
          healthcheck_uri: /status
          env:
            LOG_LEVEL: info
            SERVICE_NAME: svc-0042
            TZ: UTC
          """,
          """
          ---
          main:
            proxy_port: 20041
            mode: http
            healthcheck_uri: /status
            timeout_connect_ms: 200
            timeout_server_ms: 5000
            retries: 1
            discover: region
            advertise: [region]

          canary:
            proxy_port: null
          """);

  /** Files at the edges of the subset, and just outside it. */
  private static final List<String> TRICKY =
      List.of(
          "",
          "---\n",
          "# only a comment\n",
          "--- # a comment\na: 1\n",
          "a: 1\n---\nb: 2\n",
          "a: 1\n...\n",
          "%YAML 1.1\n---\na: 1\n",
          "a: 1",
          "  a: 1\n  b: 2\n",
          "a:\nb:\n",
          "a:\n  b:\n    c: [1, 2, '3', \"4\"]\n",
          "a: [ ]\nb: { }\nc: []\nd: {}\n",
          "a: b: c\n",
          "a: b:\n",
          "a:b\n",
          "a: 'it''s'\nb: \"say \\\"hi\\\" \\\\ \\/ \\n \\t\"\nc: \"\\x41\"\n",
          "a: \"unclosed\n",
          "a: 'two\n  lines'\n",
          "a: two\n  lines\n",
          "a: x # comment\nb: x#not a comment\nc: 'q' # c\nd: [1] # d\n",
          "a: yes\nb: No\nc: on\nd: OFF\ne: ~\nf: Null\ng: TRUE\n",
          // every other boolean and null word, each made without SnakeYAML's constructors
          "h: Yes\ni: YES\nj: no\nk: NO\nl: true\nm: True\nn: false\no: False\np: FALSE\n"
              + "q: On\nr: ON\ns: off\nt: Off\nu: null\nv: NULL\nw:\nx: [yes, Off, ~, null]\n",
          "a: 0755\nb: 0x1F\nc: 0b101\nd: 1_000\ne: 190:20:30\nf: -12\ng: +7\n",
          "a: 2147483648\nb: 9223372036854775808\nc: 1.5\nd: .inf\ne: -.Inf\nf: .NaN\ng: 1e3\n",
          "a: 6.8523015e+5\nb: 685.230_15e+03\nc: 190:20:30.15\nd: 1.\ne: .5\n",
          "a: 2001-12-14t21:59:43.10-05:00\nb: 2002-12-14\nc: 2001-12-14 21:59:43.10 -5\n",
          "1: one\ntrue: t\n~: n\n1.5: f\n0x1: hex\n",
          "a: 1\na: 2\nb: {x: 1, x: 2}\n",
          "a: &x {k: 1, k: 2}\nb:\n  <<: *x\n",
          "a: &x\n  k: 1\n  j: 2\nb:\n  j: 3\n  <<: *x\n  k: 4\n  z: 5\n",
          "a: &x\n  k: 1\nb:\n  <<: *x\n  <<: *x\n",
          "a: &x\n  k: 1\nb:\n  <<: [*x]\n",
          "a: &x\n  k: 1\nb:\n  <<: {k: 2}\n",
          "a: &x [1, 2]\nb:\n  <<: *x\n",
          "a: &x 1\nb:\n  <<: *x\n",
          "a: &x\n  k: 1\n  <<: *y\n",
          "a: &y\n  q: 1\nx: &x\n  <<: *y\n  k: 1\nb:\n  <<: *x\n",
          "\"<<\": 1\n'<<': 2\n",
          "a: &x\n  k: 1\nb: *x\nc: [*x]\nd:\n  - *x\n  - &s str\n  - *s\n",
          "a: *x\n",
          "a: &x\n  b: *x\n",
          "a: &x 1\nb: &x 2\n",
          "- a\n- b: 1\n  c: 2\n- - x\n",
          "- a\n- b: 1\n  c: 2\n-\n  d: 1\n",
          "a:\n- 1\n- 2\nb: 3\n",
          "- k:\n  - 1\n  - 2\n  j: 3\n",
          "a:\n  - 1\n  b: 2\n",
          "a:\n    - 1\n  b: 2\n",
          "a: 1\n b: 2\n",
          "a:\n  b: 1\n c: 2\n",
          "a: - 1\n",
          "a: [1, 2,]\n",
          "a: [1, [2]]\n",
          "a: [a b, -1, -x, \"q,\", 'r]']\n",
          "a: {b: c, d: 'e', f: \"g\"}\n",
          "a: {b: c d, e: f}\n",
          "a: {b: http://x}\n",
          "a: [b:c]\n",
          "a: [b?c]\n",
          "a: [-, b]\n",
          "a: !!str 1\n",
          "a: |\n  text\n",
          "a: >\n  text\n",
          "? a\n: b\n",
          "a: @b\n",
          "a: `b\n",
          "a: %b\n",
          "a: <<\n",
          "a: =\n",
          "a: http://x:80/y\n",
          "a: x:\n",
          "key with space: 1\n",
          "a.b/c-d_e: 1\n",
          "a: \"\"\nb: ''\n",
          "a:  two  spaces  \n",
          "hello\n",
          "[1, 2]\n",
          "- a\nb: 1\n",
          "a: 1\n- b\n",
          "a:\n  - &x\n    k: 1\n  - *x\n",
          "a:\n  - &x k: 1\n",
          "a: &x\n",
          "a: &x # c\n  k: 1\nb: *x\n",
          "a:\tb\n",
          "a: b\r\n",
          "a: caf\u00e9\n",
          "1: a\n0x1: b\nk: 1\nk: 2\n'k': 3\n01: c\n",
          manyKeys(20),
          manyKeys(40) + "m:\n  <<: *big\n  k0: 0\n",
          nested(38),
          nested(45));

  /** Dicts nested {@code depth} deep, more than SnakeYAML allows past 50. */
  private static String nested(int depth) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      text.append("  ".repeat(i)).append("k:\n");
    }
    return text.append("  ".repeat(depth)).append("k: v\n").toString();
  }

  /**
   * A dict of more keys than the plain reader compares without sets, some written twice (as text,
   * or only as the same number), anchored.
   */
  private static String manyKeys(int count) {
    StringBuilder text = new StringBuilder("big: &big\n");
    for (int i = 0; i < count; i++) {
      text.append("  k").append(i % (count / 2)).append(": ").append(i).append('\n');
    }
    return text.append("  1: one\n  0x1: hex\n  \"k1\": quoted\n").toString();
  }

  @Test
  void readsTheBenchmarkFilesAndEveryExampleAsSnakeYaml() throws IOException {
    for (String file : GENERATED) {
      assertThat(PlainYaml.read(bytes(file))).as(file).isPresent();
      assertSame(file, bytes(file));
    }
    int accepted = 0;
    for (Path file : exampleYamlFiles()) {
      byte[] content = Files.readAllBytes(file);
      accepted += assertSame(file.toString(), content) ? 1 : 0;
    }
    // the examples are what soa-configs look like: the plain reader takes most of them
    assertThat(accepted).isGreaterThan(exampleYamlFiles().size() / 2);
  }

  @Test
  void readsTrickyFilesAsSnakeYamlOrLeavesThemToIt() {
    int accepted = 0;
    for (String file : TRICKY) {
      accepted += assertSame(file, bytes(file)) ? 1 : 0;
    }
    assertThat(accepted).isBetween(TRICKY.size() / 4, TRICKY.size() - TRICKY.size() / 4);
  }

  @Test
  void leavesWhatSnakeYamlRefusesToIt() {
    for (String file :
        List.of(
            "a: b: c\n",
            "a: *x\n",
            "a: 1\n b: 2\n",
            "a:\n  - 1\n  b: 2\n",
            "a: [1, 2\n",
            "- a\nb: 1\n",
            nested(60))) {
      assertThat(PlainYaml.read(bytes(file))).as(file).isEmpty();
    }
  }

  /**
   * The resolver's short cuts give SnakeYAML's tags for YAML 1.1's words, numbers, timestamps and
   * random scalars; the values made of them are SnakeYAML's.
   */
  @Test
  void resolvesScalarsAsSnakeYaml() {
    Resolver resolver = new Resolver();
    List<String> scalars =
        new ArrayList<>(
            List.of(
                "yes",
                "Yes",
                "YES",
                "yEs",
                "no",
                "No",
                "NO",
                "nO",
                "true",
                "True",
                "TRUE",
                "tRUE",
                "false",
                "False",
                "FALSE",
                "on",
                "On",
                "ON",
                "oN",
                "off",
                "Off",
                "OFF",
                "y",
                "Y",
                "n",
                "N",
                "null",
                "Null",
                "NULL",
                "nULL",
                "~",
                "<<",
                "<",
                "=",
                "!",
                "&",
                "*",
                "0",
                "00",
                "07",
                "08",
                "0x1F",
                "0b1",
                "1",
                "9",
                "123456789",
                "1234567890",
                "2147483647",
                "2147483648",
                "1_000",
                "-1",
                "-0",
                "-07",
                "-123456789",
                "-1234567890",
                "+1",
                "1.5",
                "0.1",
                "00.5",
                "0.25",
                "12345678901.5",
                "123456789012.50",
                "1.2.3",
                "1.",
                ".5",
                ".inf",
                ".NaN",
                "1e3",
                "190:20:30",
                "2001-12-14",
                "2001-12-14t21:59:43.10-05:00",
                "onion",
                "nullable",
                "yesterday",
                "notifications",
                "truefalse",
                "a",
                "Z",
                "_x",
                "/x",
                "$x",
                "(x)",
                "^x",
                ".x",
                "-x"));
    Random random = new Random(20261206);
    String alphabet = "yYnNtTfFoOeEsSuUlLrRaA0123456789_.-+:~<=!&*xXbB ";
    for (int i = 0; i < 100_000; i++) {
      StringBuilder scalar = new StringBuilder();
      for (int length = 1 + random.nextInt(12); scalar.length() < length; ) {
        scalar.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      scalars.add(scalar.toString().strip().isEmpty() ? "x" : scalar.toString().strip());
    }
    // every printable first character, before a few tails
    List<String> firsts = new ArrayList<>();
    for (char first = '!'; first <= '~'; first++) {
      for (String tail :
          List.of("", "x", "1", "0", ".5", ":x", "-x", " x", "<", "m", "5s", "e5", "_1", "x1F")) {
        firsts.add(first + tail);
      }
    }
    scalars.addAll(firsts);
    for (String scalar : scalars) {
      assertThat(PlainYaml.resolve(scalar))
          .as(scalar)
          .isEqualTo(resolver.resolve(NodeId.scalar, scalar, true));
    }
    int accepted = 0;
    List<String> documents = new ArrayList<>(scalars.subList(0, 20_000));
    documents.addAll(firsts);
    for (String scalar : documents) {
      accepted += assertSame(scalar, bytes("a: " + scalar + "\n" + scalar + ": a\n")) ? 1 : 0;
    }
    assertThat(accepted).isGreaterThan(1_000);
  }

  /**
   * Mutations of real files (characters, lines and indentation changed, aliases, anchors, merges,
   * quotes and flow collections added): whatever the plain reader accepts, SnakeYAML reads to the
   * same document.
   */
  @Test
  void acceptsOnlyWhatReadsTheSameWithSnakeYaml() throws IOException {
    List<List<String>> sources = new ArrayList<>();
    GENERATED.forEach(file -> sources.add(file.lines().toList()));
    TRICKY.forEach(file -> sources.add(file.lines().toList()));
    for (Path file : exampleYamlFiles()) {
      sources.add(Files.readAllLines(file));
    }
    // more with -DplainYaml.mutations=N -DplainYaml.seed=S (a longer search, not a longer suite)
    Random random = new Random(Long.getLong("plainYaml.seed", 20261206));
    int accepted = 0;
    int tried = Integer.getInteger("plainYaml.mutations", 6000);
    for (int i = 0; i < tried; i++) {
      List<String> lines = new ArrayList<>(sources.get(random.nextInt(sources.size())));
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        MUTATIONS.mutate(lines, random);
      }
      String file = String.join("\n", lines) + (random.nextInt(8) == 0 ? "" : "\n");
      accepted += assertSame("mutation " + i + ":\n" + file, bytes(file)) ? 1 : 0;
    }
    // the mutations exercise both sides: many are accepted, many are left to SnakeYAML
    assertThat(accepted).isBetween(tried / 10, tried - tried / 10);
  }

  /** Whether the plain reader took the file; fails when it read it otherwise than SnakeYAML. */
  private static boolean assertSame(String description, byte[] content) {
    Optional<YamlDocument> plain = PlainYaml.read(content);
    if (plain.isEmpty()) {
      return false;
    }
    YamlDocument snake;
    try {
      snake = ConfigFileReader.readWithSnakeYaml(content);
    } catch (RuntimeException e) {
      throw new AssertionError(description + "\nplain read it, SnakeYAML refused it: " + e, e);
    }
    assertThat(render(plain.get())).as(description).isEqualTo(render(snake));
    assertThat(plain.get().duplicates()).as(description).isEqualTo(snake.duplicates());
    return true;
  }

  /**
   * A document as text: every value with its class, every dict and list with where its entries were
   * written and a number telling which values are the same object.
   */
  private static String render(YamlDocument document) {
    StringBuilder out = new StringBuilder();
    render(document.root(), document.written(), new IdentityHashMap<>(), out);
    return out.toString();
  }

  private static void render(
      Object value,
      Map<Object, Locator.Written> written,
      Map<Object, Integer> seen,
      StringBuilder out) {
    if (!(value instanceof Map<?, ?> || value instanceof List<?>)) {
      out.append(value == null ? "null" : value.getClass().getSimpleName() + ":" + value);
      return;
    }
    Integer known = seen.get(value);
    if (known != null) {
      out.append("#").append(known);
      return;
    }
    seen.put(value, seen.size());
    out.append(value.getClass().getSimpleName()).append("#").append(seen.get(value));
    Locator.Written where = written.get(value);
    out.append(where == null ? "@none" : "@" + java.util.Arrays.toString(where.keys()))
        .append(where == null ? "" : java.util.Arrays.toString(where.lines()));
    if (value instanceof Map<?, ?> map) {
      out.append("{");
      map.forEach(
          (key, item) -> {
            render(key, written, seen, out);
            out.append("=");
            render(item, written, seen, out);
            out.append(", ");
          });
      out.append("}");
    } else {
      out.append("[");
      for (Object item : (List<?>) value) {
        render(item, written, seen, out);
        out.append(", ");
      }
      out.append("]");
    }
  }

  private static List<Path> exampleYamlFiles() throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
