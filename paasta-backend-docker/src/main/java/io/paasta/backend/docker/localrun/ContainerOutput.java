package io.paasta.backend.docker.localrun;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A container's output as the engine streams it (frames of stdout and stderr), passed on line by
 * line to where each stream goes; a line split over frames comes out once, whole.
 */
final class ContainerOutput extends ResultCallback.Adapter<Frame> {
  private final Lines out;
  private final Lines err;

  ContainerOutput(Consumer<String> out, Consumer<String> err) {
    this.out = new Lines(out);
    this.err = new Lines(err);
  }

  @Override
  public void onNext(Frame frame) {
    (frame.getStreamType() == StreamType.STDERR ? err : out).add(frame.getPayload());
  }

  @Override
  public void onComplete() {
    flush();
    super.onComplete();
  }

  /** Passes on what is left after the last line end. */
  void flush() {
    out.flush();
    err.flush();
  }

  /** One stream's bytes, split into UTF-8 lines. */
  private static final class Lines {
    private final Consumer<String> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    Lines(Consumer<String> sink) {
      this.sink = sink;
    }

    synchronized void add(byte[] bytes) {
      for (byte b : bytes) {
        if (b == '\n') {
          emit();
        } else {
          pending.write(b);
        }
      }
    }

    synchronized void flush() {
      if (pending.size() > 0) {
        emit();
      }
    }

    private void emit() {
      String line = pending.toString(StandardCharsets.UTF_8);
      pending.reset();
      sink.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
  }
}
