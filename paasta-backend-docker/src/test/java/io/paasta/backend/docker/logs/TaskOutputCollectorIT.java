package io.paasta.backend.docker.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.DockerBackend;
import io.paasta.backend.docker.testing.BackendFixture;
import io.paasta.backend.docker.testing.Eventually;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.BackendPorts;
import io.paasta.planning.backend.DiscoveryDrain;
import io.paasta.planning.backend.TaskLogSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The output collector against real containers of the engine. */
class TaskOutputCollectorIT {
  @RegisterExtension static final BackendFixture fixture = BackendFixture.withHelloWeb();

  /** What a daemon's sink keeps: the lines, and how far each task's output was stored. */
  static final class RecordingSink implements TaskLogSink {
    record Out(InstanceRef ref, String taskId, String stream, Instant at, String text) {}

    final List<Out> lines = new CopyOnWriteArrayList<>();
    final List<String> lifecycle = new CopyOnWriteArrayList<>();
    final Map<String, Instant> stored = new ConcurrentHashMap<>();

    @Override
    public Optional<Instant> storedUpTo(String taskId) {
      return Optional.ofNullable(stored.get(taskId));
    }

    @Override
    public void output(InstanceRef ref, String taskId, String stream, Instant at, String text) {
      lines.add(new Out(ref, taskId, stream, at, text));
      stored.put(taskId, at);
    }

    @Override
    public void lifecycle(InstanceRef ref, String taskId, Instant at, String message) {
      stored.putIfAbsent(taskId, Instant.EPOCH);
      lifecycle.add(ref.instance() + ": " + message);
    }

    List<String> texts(String stream) {
      return lines.stream().filter(l -> l.stream().equals(stream)).map(Out::text).toList();
    }
  }

  private static BackendPorts ports(TaskLogSink sink) {
    return new BackendPorts(DiscoveryDrain.NONE, Optional.empty(), sink);
  }

  @Test
  void collectsStdoutAndStderrWithTheTaskAndTellsItsLifecycle() {
    RecordingSink sink = new RecordingSink();
    InstanceRef ref = fixture.ref("printer");
    try (DockerBackend backend = fixture.backend(fixture.config(), ports(sink))) {
      fixture.start(
          backend,
          ref,
          1,
          RunSpecBuilder.image(fixture.image())
              .cmd("for i in 1 2 3; do echo out $i; echo err $i >&2; done; sleep 1; exit 3"));

      Eventually.await(
          Duration.ofSeconds(30),
          () -> List.copyOf(sink.lifecycle),
          l -> l.stream().anyMatch(m -> m.startsWith("printer") && m.contains("exited")));
      assertThat(sink.texts("stdout")).containsExactly("out 1", "out 2", "out 3");
      assertThat(sink.texts("stderr")).containsExactly("err 1", "err 2", "err 3");
      assertThat(sink.lifecycle)
          .as(sink.lifecycle.toString())
          .anyMatch(l -> l.startsWith("printer: task ") && l.endsWith(" started"))
          .anyMatch(l -> l.endsWith("exited with code 3"));
      assertThat(sink.lines).allMatch(l -> l.ref().equals(ref));
      assertThat(sink.lines.stream().map(RecordingSink.Out::taskId).distinct()).hasSize(1);
    }
  }

  @Test
  void aTaskPrintingOneMegabyteWithoutNewlinesIsCutIntoBoundedLines() {
    RecordingSink sink = new RecordingSink();
    InstanceRef ref = fixture.ref("noline");
    try (DockerBackend backend = fixture.backend(fixture.config(), ports(sink))) {
      fixture.start(
          backend,
          ref,
          1,
          RunSpecBuilder.image(fixture.image())
              .cmd("head -c 1048576 /dev/zero | tr '\\0' x; sleep 600"));

      Eventually.await(
          Duration.ofSeconds(60),
          () -> sink.texts("stdout").stream().mapToInt(String::length).sum(),
          total -> total >= 1048576);
      assertThat(sink.texts("stdout").stream().mapToInt(String::length).sum()).isEqualTo(1048576);
      assertThat(sink.texts("stdout"))
          .allMatch(text -> text.length() <= OutputParser.MAX_LINE && text.matches("x+"));
    }
  }

  @Test
  void aCollectorStartedAgainResumesWithoutGapsOrRepeats() throws Exception {
    RecordingSink sink = new RecordingSink();
    InstanceRef ref = fixture.ref("counter");
    DockerBackend first = fixture.backend(fixture.config(), ports(sink));
    fixture.start(
        first,
        ref,
        1,
        RunSpecBuilder.image(fixture.image())
            .cmd(
                "i=0; while [ $i -lt 400 ]; do echo n $i; i=$((i+1)); sleep 0.01; done; sleep 600"));
    Eventually.await(Duration.ofSeconds(30), sink.lines::size, n -> n >= 20);
    first.close(); // the daemon stops while the task prints on
    Thread.sleep(1000);
    try (DockerBackend second = fixture.backend(fixture.config(), ports(sink))) {
      // the task's loop forks a sleep per line: slow on a loaded machine
      Eventually.await(Duration.ofSeconds(180), () -> sink.texts("stdout").size(), n -> n >= 400);
      Thread.sleep(500);
      List<String> expected =
          java.util.stream.IntStream.range(0, 400).mapToObj(i -> "n " + i).toList();
      assertThat(sink.texts("stdout")).containsExactlyElementsOf(expected);
      assertThat(sink.lifecycle).filteredOn(l -> l.endsWith("started")).hasSize(1);
    }
  }
}
