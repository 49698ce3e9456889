package io.paasta.backend.docker.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.CreateContainerResponse;
import io.paasta.backend.docker.testing.BackendFixture;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import io.paasta.planning.backend.TaskLogSink;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One container's raw log stream read from the real engine. */
class ContainerOutputIT {
  @RegisterExtension static final BackendFixture fixture = BackendFixture.withHelloWeb();

  private static URI engine() {
    return fixture.config().dockerHost();
  }

  /** Reads the stream to its end (or the deadline), with small reads: the lines it gave. */
  private static List<TaskLogSink.Output> readToEnd(ContainerOutput output) throws IOException {
    List<TaskLogSink.Output> lines = new ArrayList<>();
    ByteBuffer small = ByteBuffer.allocate(7); // frames and heads split across many reads
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try (Selector selector = Selector.open()) {
      output.channel().register(selector, SelectionKey.OP_READ);
      while (System.nanoTime() < deadline) {
        selector.select(200);
        selector.selectedKeys().clear();
        if (!output.read(small, lines)) {
          return lines;
        }
      }
    }
    throw new AssertionError("the stream did not end; read so far: " + lines);
  }

  /** Runs {@code script} in a container of the test's cluster to its end: its id. */
  private String run(boolean tty, String script) {
    CreateContainerResponse created =
        fixture
            .docker()
            .createContainerCmd(fixture.image())
            .withTty(tty)
            .withEntrypoint("sh", "-c", script)
            .withLabels(Map.of(Labels.CLUSTER, fixture.cluster, BackendFixture.TEST_LABEL, "1"))
            .exec();
    fixture.docker().startContainerCmd(created.getId()).exec();
    // exited before it is read: a stream followed while the container exits may end before the
    // engine stored a last line without newline (the collector reads an exited container again)
    fixture
        .docker()
        .waitContainerCmd(created.getId())
        .start()
        .awaitStatusCode(60, java.util.concurrent.TimeUnit.SECONDS);
    return created.getId();
  }

  private static List<String> texts(List<TaskLogSink.Output> lines, String stream) {
    return lines.stream().filter(l -> l.stream().equals(stream)).map(l -> l.text()).toList();
  }

  @Test
  void crlfInvalidUtf8AndALastLineWithoutNewlineAcrossTinyReads() throws IOException {
    InstanceRef ref = fixture.ref("raw");
    String id =
        run(
            false,
            "printf 'dos\\r\\n'; printf '\\377\\376bad\\n' >&2; printf 'a \"quote\" \\\\ tab\\t\\n';"
                + " printf 'no newline'");

    try (ContainerOutput output = ContainerOutput.open(engine(), ref, id, Instant.EPOCH)) {
      List<TaskLogSink.Output> lines = readToEnd(output);

      assertThat(texts(lines, "stdout"))
          .containsExactly("dos", "a \"quote\" \\ tab\t", "no newline");
      assertThat(texts(lines, "stderr")).containsExactly("\uFFFD\uFFFDbad");
      assertThat(lines).allMatch(l -> l.ref().equals(ref) && l.taskId().equals(id));
      assertThat(lines).allMatch(l -> l.at().isAfter(Instant.now().minusSeconds(300)));
      assertThat(output.refusal()).isEmpty();
    }
  }

  @Test
  void linesUpToWhereTheOutputWasStoredAreNotReadAgain() throws IOException {
    InstanceRef ref = fixture.ref("resume");
    String id = run(false, "for i in 1 2 3 4 5; do echo n $i; done");
    List<TaskLogSink.Output> all;
    try (ContainerOutput output = ContainerOutput.open(engine(), ref, id, Instant.EPOCH)) {
      all = readToEnd(output);
    }
    assertThat(all)
        .extracting(TaskLogSink.Output::text)
        .containsExactly("n 1", "n 2", "n 3", "n 4", "n 5");

    try (ContainerOutput output = ContainerOutput.open(engine(), ref, id, all.get(2).at())) {
      assertThat(readToEnd(output))
          .extracting(TaskLogSink.Output::text)
          .containsExactly("n 4", "n 5");
    }
  }

  @Test
  void aContainerWithATerminalIsReadAsStdout() throws IOException {
    String id = run(true, "echo tty one; echo tty two >&2");

    try (ContainerOutput output =
        ContainerOutput.open(engine(), fixture.ref("tty"), id, Instant.EPOCH)) {
      assertThat(readToEnd(output))
          .extracting(l -> l.stream() + " " + l.text())
          .containsExactly("stdout tty one", "stdout tty two");
    }
  }

  @Test
  void aContainerTheEngineDoesNotKnowEndsTheStreamWithTheEnginesAnswer() throws IOException {
    try (ContainerOutput output =
        ContainerOutput.open(engine(), fixture.ref("gone"), "no-such-container-0", Instant.EPOCH)) {
      assertThat(readToEnd(output)).isEmpty();
      assertThat(output.refusal())
          .hasValueSatisfying(
              why -> assertThat(why).startsWith("HTTP 404").contains("no-such-container-0"));
    }
  }

  @Test
  void anEngineAddressThatCannotBeReadIsNamed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ContainerOutput.open(
                    URI.create("ssh://somewhere"), fixture.ref("x"), "id", Instant.EPOCH))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ssh://somewhere")
        .hasMessageContaining("expected unix:// or tcp://");
  }
}
