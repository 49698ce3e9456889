package io.paasta.cli;

import static io.paasta.cli.CliRun.EXAMPLES;
import static io.paasta.cli.CliRun.run;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code paasta} does with broken, hostile or odd soa-configs trees: every problem reported
 * with its file (and line where there is one), never a crash, never unbounded time or memory.
 */
class BadInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALID_BATCH = "\u2713 batch-reports: valid (6 files)";
  private static final String VALID_GREETER = "\u2713 greeter-api: valid (8 files)";
  private static final String VALID_HELLO = "\u2713 hello-web: valid (6 files)";
  private static final String NAME_RULE =
      "lowercase letters, digits, '-' and '_', starting and ending with a letter or digit";
  private static final String FILE_KINDS =
      "service.yaml, smartstack.yaml, monitoring.yaml, deploy.yaml, deployments.json,"
          + " rollback.yaml, dependencies.yaml, secrets/, or"
          + " <marathon|kubernetes|eks|chronos|adhoc|tron>-<cluster>.yaml";

  @TempDir Path tmp;

  /** A copy of the examples, free to break. */
  private Path soa;

  @BeforeEach
  void copyExamples() throws IOException {
    soa = tmp.resolve("soa-configs");
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      for (Path from : (Iterable<Path>) files::iterator) {
        Path to = soa.resolve(EXAMPLES.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private CliRun validate(String... more) {
    return run(
        Stream.concat(Stream.of("validate", "-y", soa.toString()), Stream.of(more))
            .toArray(String[]::new));
  }

  private void write(String file, String... lines) throws IOException {
    Files.writeString(soa.resolve(file), String.join("\n", lines) + (lines.length > 0 ? "\n" : ""));
  }

  /** Lines that report a problem (everything but the per-service and summary lines). */
  private static List<String> problemLines(CliRun r) {
    return r.outLines().stream()
        .filter(l -> !l.startsWith("\u2713 ") && !l.startsWith("\u2717 "))
        .filter(l -> !l.matches("\\d+ services? checked: .*"))
        .toList();
  }

  private static void assertNoCrash(CliRun r) {
    assertThat(r.all())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("unexpected ");
  }

  @Test
  void oneBrokenServiceReportsExactlyItsProblemsAndTheOthersAsValid() throws IOException {
    write(
        "hello-web/marathon-local.yaml",
        "main:",
        "  cpus: \"lots\"",
        "  instances: 3",
        "  deploy_group: local.everything",
        "  bounce_method: sideways");

    CliRun r = validate();

    assertThat(r.exit()).isEqualTo(1);
    assertThat(problemLines(r))
        .containsExactly(
            "hello-web/marathon-local.yaml:2: main.cpus: is a string (\"lots\") - expected a number",
            "hello-web/marathon-local.yaml:5: main.bounce_method: is not an allowed value"
                + " (\"sideways\") - one of brutal, upthendown, crossover, downthenup, down");
    assertThat(r.outLines())
        .contains(VALID_BATCH, VALID_GREETER, "\u2717 hello-web: 2 problems")
        .contains("3 services checked: 2 valid, 1 with problems (2 problems, 0 warnings)");
    assertNoCrash(r);
  }

  @Test
  void anEmptyInstanceFileIsRefusedAsInPaastaAndAnEmptyServiceYamlLacksItsExternalLink()
      throws IOException {
    write("hello-web/service.yaml");
    write("hello-web/marathon-local.yaml", "# nothing here yet");

    CliRun r = validate();

    assertThat(r.exit()).as(r.all()).isEqualTo(1);
    assertThat(problemLines(r))
        .containsExactlyInAnyOrder(
            "hello-web/marathon-local.yaml: file is empty - a dict of instance names (PaaSTA refuses"
                + " an empty file; delete it instead)",
            "hello-web/service.yaml: external_link: is missing - a link to more about the"
                + " service, e.g. external_link: https://wiki/hello-web (today's service.yaml"
                + " schema requires it)",
            "hello-web/service.yaml: warning: file is empty - a dict of service-wide keys");
    assertThat(r.outLines())
        .contains("\u2717 hello-web: 2 problems, 1 warning")
        .contains("3 services checked: 2 valid, 1 with problems (2 problems, 1 warning)");
  }

  @Test
  void aFileHoldingAListInsteadOfADictIsAnErrorNamingTheFile() throws IOException {
    write("hello-web/marathon-local.yaml", "- main", "- canary");

    CliRun r = validate("-s", "hello-web");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(problemLines(r))
        .containsExactly(
            "hello-web/marathon-local.yaml:1: file holds a list, not a dict"
                + " - a dict of instance names");
    assertNoCrash(r);
  }

  @Test
  void aScalarFileIsAnErrorNamingTheFile() throws IOException {
    write("hello-web/smartstack.yaml", "just some words");

    CliRun r = validate("-s", "hello-web");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("hello-web/smartstack.yaml:1: ").contains("expected a dict");
    assertNoCrash(r);
  }

  @Test
  void binaryGarbageIsReportedWithLineAndColumn() throws IOException {
    byte[] garbage = new byte[64 * 1024];
    new Random(20180101).nextBytes(garbage);
    for (int i = 0; i < garbage.length; i += 97) {
      garbage[i] = 0;
    }
    byte[] header = "main:\n  cpus: 0.1\n".getBytes(UTF_8);
    byte[] content = new byte[header.length + garbage.length];
    System.arraycopy(header, 0, content, 0, header.length);
    System.arraycopy(garbage, 0, content, header.length, garbage.length);
    Files.write(soa.resolve("hello-web/marathon-local.yaml"), content);

    CliRun r = validate();

    assertThat(r.exit()).isEqualTo(1);
    assertThat(problemLines(r)).hasSize(1);
    assertThat(problemLines(r).get(0))
        .matches(
            "hello-web/marathon-local\\.yaml:\\d+:\\d+: (is not UTF-8 text|holds the character"
                + " U\\+[0-9A-F]{4,6}, which YAML does not allow)"
                + " - a UTF-8 YAML text file \\(is it a binary file\\?\\)");
    assertThat(r.outLines()).contains(VALID_BATCH, VALID_GREETER, "\u2717 hello-web: 1 problem");
    assertNoCrash(r);
  }

  @Test
  void aNulByteInOtherwiseValidYamlIsReportedWhereItIs() throws IOException {
    Files.write(
        soa.resolve("hello-web/marathon-local.yaml"),
        "main:\n  instances: 3\n  cpus: 1\0\0\n".getBytes(UTF_8));

    CliRun r = validate("-s", "hello-web");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(problemLines(r))
        .containsExactly(
            "hello-web/marathon-local.yaml:3:10: holds the character U+0000, which YAML does not"
                + " allow - a UTF-8 YAML text file (is it a binary file?)");
  }

  @Test
  void invalidUtf8IsReportedWhereItIs() throws IOException {
    byte[] text = "main:\n  instances: 3\n  env: {A: \"\u00e9?\"}\n".getBytes(UTF_8);
    text[text.length - 4] = (byte) 0xFF; // the '?' after the two-byte é, column 14
    Files.write(soa.resolve("hello-web/marathon-local.yaml"), text);

    CliRun r = validate("-s", "hello-web");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(problemLines(r))
        .containsExactly(
            "hello-web/marathon-local.yaml:3:14: is not UTF-8 text"
                + " - a UTF-8 YAML text file (is it a binary file?)");
  }

  @Test
  void aFiftyMegabyteFileIsRefusedWithoutBeingRead() throws IOException {
    Path huge = soa.resolve("hello-web/marathon-prod-east.yaml");
    try {
      try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
        file.setLength(50L * 1024 * 1024); // sparse: no time spent writing it
      }
      long before = allocatedBytes();

      CliRun r = validate("-s", "hello-web");

      long allocated = allocatedBytes() - before;
      assertThat(r.exit()).isEqualTo(1);
      assertThat(problemLines(r))
          .containsExactly(
              "hello-web/marathon-prod-east.yaml: file is too large to be a config file"
                  + " (52428800 bytes) - at most 8388608 bytes");
      assertThat(allocated).as("bytes allocated").isLessThan(30L * 1024 * 1024);
      assertNoCrash(r);
    } finally {
      Files.deleteIfExists(huge);
    }
  }

  @Test
  void aFiftyMegabyteSmartstackFileOfAnotherServiceIsNotReadWhenValidatingOne() throws IOException {
    Path huge = soa.resolve("hello-web/smartstack.yaml");
    try {
      try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
        file.setLength(50L * 1024 * 1024);
      }
      long before = allocatedBytes();

      CliRun r = validate("-s", "greeter-api");

      long allocated = allocatedBytes() - before;
      assertThat(r.exit()).as(r.all()).isZero();
      assertThat(r.outLines()).contains(VALID_GREETER);
      assertThat(allocated).as("bytes allocated").isLessThan(30L * 1024 * 1024);
    } finally {
      Files.deleteIfExists(huge);
    }
  }

  @Test
  void aBillionLaughsAliasBombIsRefusedQuicklyInBoundedMemory() throws IOException {
    StringBuilder bomb =
        new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level <= 9; level++) {
      bomb.append("a").append(level).append(": &a").append(level).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
      }
      bomb.append("]\n");
    }
    bomb.append("main:\n  cmd: *a9\n");
    Files.writeString(soa.resolve("greeter-api/kubernetes-local.yaml"), bomb);
    long before = allocatedBytes();
    long start = System.nanoTime();

    CliRun r = validate("-s", "greeter-api");

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    long allocated = allocatedBytes() - before;
    assertThat(r.exit()).isEqualTo(1);
    assertThat(problemLines(r))
        .containsExactly(
            "greeter-api/kubernetes-local.yaml: expands to more than 2000000 values through YAML"
                + " aliases");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(allocated).as("bytes allocated").isLessThan(100L * 1024 * 1024);
    assertNoCrash(r);
  }

  @Test
  void tooManyAliasesAreRefused() throws IOException {
    StringBuilder yaml = new StringBuilder("_t: &t {cpus: 0.1}\n");
    for (int i = 0; i < 1200; i++) {
      yaml.append("i").append(i).append(": *t\n");
    }
    Files.writeString(soa.resolve("greeter-api/kubernetes-local.yaml"), yaml);

    CliRun r = validate("-s", "greeter-api");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "greeter-api/kubernetes-local.yaml: could not be read as YAML: Number of aliases for"
                + " non-scalar nodes exceeds the specified max=1000");
  }

  @Test
  void symlinkLoopsInsideAServiceFolderAreReportedNotFollowedForever() throws IOException {
    Path dir = soa.resolve("hello-web");
    Files.createSymbolicLink(dir.resolve("loop-a"), Path.of("loop-b"));
    Files.createSymbolicLink(dir.resolve("loop-b"), Path.of("loop-a"));
    Files.createSymbolicLink(dir.resolve("marathon-loop.yaml"), Path.of("marathon-loop.yaml"));

    CliRun r = validate();

    assertThat(r.exit()).isEqualTo(1);
    assertThat(problemLines(r))
        .contains(
            "hello-web/loop-a: warning: unknown file kind, ignored - " + FILE_KINDS,
            "hello-web/loop-b: warning: unknown file kind, ignored - " + FILE_KINDS)
        .anyMatch(l -> l.startsWith("hello-web/marathon-loop.yaml: could not be read: "))
        .hasSize(3);
    assertThat(r.outLines()).contains(VALID_BATCH, VALID_GREETER);
    assertNoCrash(r);
    for (String[] args :
        List.of(
            new String[] {"list", "-a"},
            new String[] {"list-clusters"},
            new String[] {"info", "-s", "hello-web"})) {
      CliRun other =
          run(
              Stream.concat(Stream.of(args), Stream.of("-y", soa.toString()))
                  .toArray(String[]::new));
      assertThat(other.exit()).as(other.all()).isZero();
      assertNoCrash(other);
    }
  }

  @Test
  void aSymlinkLoopAsATopLevelEntryIsIgnoredWithAWarning() throws IOException {
    Files.createSymbolicLink(soa.resolve("looping"), Path.of("looping"));

    CliRun r = validate();

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(problemLines(r)).hasSize(1);
    assertThat(problemLines(r).get(0))
        .startsWith("looping: warning: cannot be read (")
        .endsWith("), ignored - a service folder");
    assertThat(r.outLines()).contains(VALID_BATCH, VALID_GREETER, VALID_HELLO);
    CliRun list = run("list", "-y", soa.toString());
    assertThat(list.outLines()).containsExactly("batch-reports", "greeter-api", "hello-web");
    assertThat(run("list-clusters", "-y", soa.toString()).outLines())
        .containsExactly("local", "prod-east");
  }

  @Test
  void aServiceFolderNamedWithSpacesIsAnInvalidServiceName() throws IOException {
    Files.createDirectories(soa.resolve("my service"));
    write("my service/service.yaml", "description: spaced out");

    CliRun r = validate();

    assertThat(r.exit()).isEqualTo(1);
    assertThat(problemLines(r))
        .containsExactly(
            "my service: folder name is not a valid service name (\"my service\")"
                + " - a service name of "
                + NAME_RULE);
    assertThat(r.outLines()).contains(VALID_BATCH, VALID_GREETER, VALID_HELLO);
    assertThat(run("list", "-y", soa.toString()).outLines()).doesNotContain("my service");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc", "a b", "/etc", "Hello-Web", "hello-web/..", ""})
  void validateRefusesAnArgumentThatIsNoServiceName(String service) {
    CliRun r = validate("-s", service);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("'" + service + "' is not a valid service name - expected " + NAME_RULE)
        .contains("\u2717 ");
    assertNoCrash(r);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc", "a b"})
  void infoRefusesAnArgumentThatIsNoServiceName(String service) {
    CliRun r = run("info", "-s", service, "-y", soa.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: '"
                + service
                + "' is not a valid service name - expected "
                + NAME_RULE
                + System.lineSeparator());
  }

  @Test
  void unknownFileKindsAreWarnings() throws IOException {
    write("hello-web/jenkins-local.yaml", "job: {}");
    write("hello-web/notes.txt", "remember the milk");

    CliRun r = validate();

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(problemLines(r))
        .containsExactly(
            "hello-web/jenkins-local.yaml: warning: unknown file kind, ignored - " + FILE_KINDS,
            "hello-web/notes.txt: warning: unknown file kind, ignored - " + FILE_KINDS);
    assertThat(r.outLines()).contains("\u2713 hello-web: valid (6 files, 2 warnings)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "list", "list-clusters", "info"})
  void aMissingSoaDirNamesThePathAndHowToSetIt(String command) {
    Path missing = tmp.resolve("no-such-dir");

    CliRun r =
        command.startsWith("list")
            ? run(command, "-y", missing.toString())
            : run(command, "-y", missing.toString(), "-s", "hello-web");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: soa-configs directory "
                + missing
                + " does not exist - expected a directory with one folder per service"
                + " (set it with -y/--soa-dir or PAASTA_SOA_DIR)"
                + System.lineSeparator());
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aSoaDirThatIsAFileSaysSo() throws IOException {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "not a directory");

    CliRun r = run("validate", "-y", file.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: soa-configs directory " + file + " is not a directory - ")
        .contains("-y/--soa-dir");
  }

  @Test
  void malformedYamlIsReportedWithItsLineAndColumn() throws IOException {
    write("hello-web/marathon-local.yaml", "main:", "  cpus: 0.1", "    mem: 64");
    write("greeter-api/kubernetes-local.yaml", "main:", "  cpus: 0.1", "  mem: 64", " bad: 1");

    CliRun r = validate();

    assertThat(r.exit()).isEqualTo(1);
    assertThat(problemLines(r))
        .containsExactly(
            "greeter-api/kubernetes-local.yaml:4:2: is not valid YAML: expected <block end>,"
                + " but found '<block mapping start>'",
            "hello-web/marathon-local.yaml:3:8: is not valid YAML: mapping values are not"
                + " allowed here");
    assertThat(r.outLines()).contains(VALID_BATCH);
  }

  @Test
  void tabIndentationIsReportedWithItsLineAndColumn() throws IOException {
    write("hello-web/marathon-local.yaml", "main:", "\tcpus: 0.1");

    CliRun r = validate("-s", "hello-web");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "hello-web/marathon-local.yaml:2:1: is not valid YAML: found character '\\t(TAB)'"
                + " that cannot start any token.");
  }

  @Test
  void rerunOfAJobWhoseFileIsBrokenNamesTheJobAndPointsToValidate() throws IOException {
    write("batch-reports/chronos-local.yaml", "nightly: [unclosed");

    CliRun r =
        run("rerun", "-y", soa.toString(), "-s", "batch-reports", "-i", "nightly", "-c", "local");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: no job nightly of batch-reports in cluster local - it has no jobs there"
                + " (batch-reports has problems in its soa-configs: paasta validate -s"
                + " batch-reports shows them)\n");
  }

  @Test
  void rerunIsNotStoppedByAnotherServicesBrokenJobsNorByAParentCycle() throws IOException {
    write("hello-web/chronos-local.yaml", "\u0000\u0001 not yaml: [");
    write(
        "greeter-api/chronos-local.yaml",
        "loop:",
        "  parents: [greeter-api.loop]",
        "  cmd: echo loop",
        "back:",
        "  parents: [batch-reports.summarize]",
        "  cmd: echo back");
    String chronos = Files.readString(soa.resolve("batch-reports/chronos-local.yaml"));
    Files.writeString(
        soa.resolve("batch-reports/chronos-local.yaml"),
        chronos.replace(
            "  schedule: \"R/2026-01-01T00:00:00Z/PT24H\"",
            "  parents: [batch-reports.summarize]"));

    CliRun r =
        run(
            "rerun",
            "-y",
            soa.toString(),
            "-s",
            "batch-reports",
            "-i",
            "summarize",
            "-c",
            "local",
            "-d",
            "2026-01-01T00:00:00");

    assertNoCrash(r);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines())
        .containsExactly(
            "error: batch-reports.summarize has dependencies:",
            "  parents: batch-reports.nightly",
            "  children: batch-reports.nightly, greeter-api.back",
            "Please specify the rerun policy via --rerun-type argument");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-01-01",
        "2026-01-01 00:00:00",
        "2026-13-01T00:00:00",
        "2026-01-01T24:00:00",
        "yesterday",
        ""
      })
  void rerunRefusesAnExecutionDateThatIsNotOne(String date) {
    CliRun r =
        run(
            "rerun",
            "-y",
            soa.toString(),
            "-s",
            "batch-reports",
            "-i",
            "nightly",
            "-d",
            date,
            "-t",
            "instance");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: --execution_date '"
                + date
                + "' is not a date and time - expected YYYY-MM-DDTHH:MM:SS, e.g."
                + " 2026-01-01T00:00:00\n");
  }

  @Test
  void aDuplicateProxyPortIsReportedByBothServices() throws IOException {
    Path greeter = soa.resolve("greeter-api/smartstack.yaml");
    Files.writeString(greeter, Files.readString(greeter).replace("20002", "20001"));

    CliRun r = validate();

    assertThat(r.exit()).isEqualTo(1);
    assertThat(problemLines(r))
        .containsExactly(
            "greeter-api/smartstack.yaml:2: main.proxy_port: is also used by hello-web.main"
                + " (20001) - a proxy_port unique across the soa-configs tree",
            "hello-web/smartstack.yaml:2: main.proxy_port: is also used by greeter-api.main"
                + " (20001) - a proxy_port unique across the soa-configs tree");
    assertThat(r.outLines())
        .contains(VALID_BATCH, "\u2717 greeter-api: 1 problem", "\u2717 hello-web: 1 problem");

    // validating one service alone finds the clash too
    CliRun one = validate("-s", "hello-web");
    assertThat(one.exit()).isEqualTo(1);
    assertThat(problemLines(one))
        .containsExactly(
            "hello-web/smartstack.yaml:2: main.proxy_port: is also used by greeter-api.main"
                + " (20001) - a proxy_port unique across the soa-configs tree");
  }

  @Test
  void jsonOfABrokenTreeIsValidJsonWithLocatedProblems() throws Exception {
    write("hello-web/marathon-local.yaml", "main:", "  cpus: \"lots\"", "  instances: 3");
    Files.createDirectories(soa.resolve("my service"));
    write("greeter-api/notes.txt", "hi");

    CliRun r = validate("--json");

    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("errors").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(json.get("warnings").asInt()).isEqualTo(1);
    JsonNode tree = json.get("tree_problems");
    assertThat(tree).hasSize(1);
    assertThat(tree.get(0).get("file").asText()).isEqualTo("my service");
    assertThat(tree.get(0).get("severity").asText()).isEqualTo("error");
    assertThat(tree.get(0).get("message").asText())
        .isEqualTo("folder name is not a valid service name");

    JsonNode hello = serviceNamed(json, "hello-web");
    assertThat(hello.get("valid").asBoolean()).isFalse();
    JsonNode cpus = null;
    for (JsonNode problem : hello.get("problems")) {
      for (String field : List.of("severity", "file", "line", "column", "subject", "message")) {
        assertThat(problem.hasNonNull(field)).as(field + " of " + problem).isTrue();
      }
      if (problem.get("subject").asText().equals("main.cpus")) {
        cpus = problem;
      }
    }
    assertThat(cpus).as("the main.cpus problem").isNotNull();
    assertThat(cpus.get("severity").asText()).isEqualTo("error");
    assertThat(cpus.get("file").asText()).isEqualTo("hello-web/marathon-local.yaml");
    assertThat(cpus.get("line").asInt()).isEqualTo(2);
    assertThat(cpus.get("message").asText()).isEqualTo("is a string");
    assertThat(cpus.get("value").asText()).isEqualTo("\"lots\"");
    assertThat(cpus.get("expected").asText()).isEqualTo("expected a number");
    assertThat(cpus.get("text").asText())
        .isEqualTo(
            "hello-web/marathon-local.yaml:2: main.cpus: is a string (\"lots\") - expected a"
                + " number");

    JsonNode greeter = serviceNamed(json, "greeter-api");
    assertThat(greeter.get("valid").asBoolean()).isTrue();
    assertThat(greeter.get("problems")).hasSize(1);
    assertThat(greeter.get("problems").get(0).get("severity").asText()).isEqualTo("warning");
    assertThat(greeter.get("problems").get(0).get("file").asText())
        .isEqualTo("greeter-api/notes.txt");
    assertThat(serviceNamed(json, "batch-reports").get("problems")).isEmpty();
  }

  @Test
  void infoOfABrokenServiceStillAnswersAndPointsToValidate() throws IOException {
    write("hello-web/marathon-local.yaml", "main:", "  cpus: \"lots\"");

    CliRun r = run("info", "-s", "hello-web", "-y", soa.toString());

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("Service: hello-web")
        .contains("(this service has config problems; run paasta validate -s hello-web)");
    assertNoCrash(r);
  }

  private static JsonNode serviceNamed(JsonNode report, String name) {
    for (JsonNode service : report.get("services")) {
      if (service.get("service").asText().equals(name)) {
        return service;
      }
    }
    throw new AssertionError("no service " + name + " in " + report);
  }

  /** Bytes allocated so far by this thread (HotSpot); the commands run on the calling thread. */
  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
