package io.paasta.backend.docker.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
  /** What the decoder handed, stream by stream. */
  private static final class Streams implements FrameDecoder.Payload {
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final StringBuilder order = new StringBuilder();

    @Override
    public void accept(int stream, byte[] bytes, int from, int to) {
      assertThat(to).isGreaterThan(from);
      (stream == FrameDecoder.STDERR ? stderr : stdout).write(bytes, from, to - from);
      char tag = stream == FrameDecoder.STDERR ? 'e' : 'o';
      if (order.length() == 0 || order.charAt(order.length() - 1) != tag) {
        order.append(tag);
      }
    }

    String out() {
      return stdout.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return stderr.toString(StandardCharsets.UTF_8);
    }
  }

  private static byte[] frame(int stream, byte[] payload) {
    byte[] frame = new byte[8 + payload.length];
    frame[0] = (byte) stream;
    frame[4] = (byte) (payload.length >>> 24);
    frame[5] = (byte) (payload.length >>> 16);
    frame[6] = (byte) (payload.length >>> 8);
    frame[7] = (byte) payload.length;
    System.arraycopy(payload, 0, frame, 8, payload.length);
    return frame;
  }

  private static byte[] frame(int stream, String payload) {
    return frame(stream, payload.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Feeds {@code body} in reads of {@code read} bytes, each from a buffer of its own. */
  private static Streams decode(byte[] body, int read) {
    FrameDecoder decoder = new FrameDecoder();
    Streams streams = new Streams();
    for (int i = 0; i < body.length; i += read) {
      int end = Math.min(body.length, i + read);
      byte[] buffer = new byte[read + 6]; // the read lands in the middle of a larger buffer
      System.arraycopy(body, i, buffer, 3, end - i);
      decoder.feed(buffer, 3, 3 + end - i, streams);
    }
    return streams;
  }

  @Test
  void framesSplitAnywhereAcrossReadsGiveTheSameStreams() {
    byte[] body =
        concat(
            frame(1, "2026-12-06T03:36:46.1Z out 1\n"),
            frame(2, "2026-12-06T03:36:46.2Z err 1\n"),
            frame(1, "2026-12-06T03:36:46.3Z out 2\n"),
            frame(1, ""),
            frame(2, "2026-12-06T03:36:46.4Z err 2\n"));
    for (int read = 1; read <= body.length; read++) {
      Streams streams = decode(body, read);

      assertThat(streams.out())
          .as("reads of %d bytes", read)
          .isEqualTo("2026-12-06T03:36:46.1Z out 1\n2026-12-06T03:36:46.3Z out 2\n");
      assertThat(streams.err())
          .as("reads of %d bytes", read)
          .isEqualTo("2026-12-06T03:36:46.2Z err 1\n2026-12-06T03:36:46.4Z err 2\n");
      assertThat(streams.order.toString()).isEqualTo("oeoe");
    }
  }

  @Test
  void aFrameLargerThanAnyReadComesWhole() {
    byte[] big = new byte[3 * 1024 * 1024 + 17];
    Arrays.fill(big, (byte) 'x');
    big[big.length - 1] = '\n';
    byte[] body = concat(frame(1, big), frame(2, "after\n"));

    Streams streams = decode(body, 64 * 1024);

    assertThat(streams.stdout.toByteArray()).isEqualTo(big);
    assertThat(streams.err()).isEqualTo("after\n");
  }

  @Test
  void binaryPayloadsAndSizesAboveTwoGigabytesAreReadAsUnsigned() {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    byte[] header = frame(1, new byte[0]);
    header[4] = (byte) 0x80; // 2 GiB: the payload that follows is all stdout
    FrameDecoder decoder = new FrameDecoder();
    Streams streams = new Streams();

    decoder.feed(concat(frame(1, binary), header, binary), 0, 256 + 8 + 8 + 256, streams);

    assertThat(streams.stdout.toByteArray()).isEqualTo(concat(binary, binary));
    assertThat(decoder.inFrame()).isTrue();
  }

  @Test
  void theStreamOfAContainerWithATerminalIsStdoutAsItIs() {
    byte[] body = "2026-12-06T03:36:46.1Z tty 1\r\n2026-12-06T03:36:46.2Z tty 2\r\n".getBytes();

    Streams streams = decode(body, 5);

    assertThat(streams.out()).isEqualTo(new String(body, StandardCharsets.UTF_8));
    assertThat(streams.err()).isEmpty();
  }

  @Test
  void aStreamCutInsideAFrameSaysSo() {
    byte[] body = frame(1, "2026-12-06T03:36:46.1Z cut\n");
    FrameDecoder decoder = new FrameDecoder();
    Streams streams = new Streams();

    decoder.feed(body, 0, 5, streams);
    assertThat(decoder.inFrame()).isTrue();
    decoder.feed(body, 5, body.length, streams);
    assertThat(decoder.inFrame()).isFalse();
  }
}
