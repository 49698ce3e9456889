package io.paasta.backend.docker.logs;

import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.TaskLogSink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One container's output, read from the engine's log stream on a connection of its own ({@code GET
 * /containers/{id}/logs?follow=1&stdout=1&stderr=1&timestamps=1}, HTTP/1.0 so that the body is the
 * stream itself, ending when the engine closes it): the response's frames are decoded in bulk
 * ({@link FrameDecoder}) and cut into lines with the engine's times ({@link OutputParser}), without
 * a thread of its own: the collector reads every container's connection from one thread when the
 * engine has sent something. Lines at or before {@code resumeAfter} (where the sink says the output
 * was stored) are dropped, so a collector started again repeats none.
 */
final class ContainerOutput implements AutoCloseable {
  /** The longest response head read; the engine's are a few hundred bytes. */
  private static final int MAX_HEAD = 64 * 1024;

  private static final int MAX_ERROR = 1024;
  private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

  private final InstanceRef ref;
  private final String id;
  private final Instant resumeAfter;
  private final SocketChannel channel;
  private final FrameDecoder frames = new FrameDecoder();
  private final OutputParser stdout = new OutputParser();
  private final OutputParser stderr = new OutputParser();
  private final List<OutputParser.Line> parsed = new ArrayList<>();
  private byte[] head = new byte[512];
  private int headSize;
  private int status; // 0 until the response's head is read
  private List<TaskLogSink.Output> out;

  private ContainerOutput(InstanceRef ref, String id, Instant resumeAfter, SocketChannel channel) {
    this.ref = ref;
    this.id = id;
    this.resumeAfter = resumeAfter;
    this.channel = channel;
  }

  /**
   * Asks the engine at {@code host} ({@code unix://} socket or {@code tcp://} without TLS) for the
   * output of container {@code id} since {@code resumeAfter} (the whole of it when {@link
   * Instant#EPOCH}), following it; the connection is left non-blocking for a selector.
   *
   * @throws IOException when the engine cannot be reached
   */
  static ContainerOutput open(URI host, InstanceRef ref, String id, Instant resumeAfter)
      throws IOException {
    SocketChannel channel = connect(host);
    try {
      String since =
          resumeAfter.equals(Instant.EPOCH) ? "" : "&since=" + resumeAfter.getEpochSecond();
      ByteBuffer request =
          ByteBuffer.wrap(
              ("GET /containers/"
                      + id
                      + "/logs?follow=1&stdout=1&stderr=1&timestamps=1"
                      + since
                      + " HTTP/1.0\r\nHost: "
                      + (host.getHost() == null ? "docker" : host.getAuthority())
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      while (request.hasRemaining()) {
        channel.write(request);
      }
      channel.configureBlocking(false);
      return new ContainerOutput(ref, id, resumeAfter, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static SocketChannel connect(URI host) throws IOException {
    String scheme = String.valueOf(host.getScheme());
    return switch (scheme) {
      case "unix" -> {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
          channel.connect(UnixDomainSocketAddress.of(host.getPath()));
        } catch (IOException | RuntimeException e) {
          channel.close();
          throw e;
        }
        yield channel;
      }
      case "tcp", "http" ->
          SocketChannel.open(
              new InetSocketAddress(host.getHost(), host.getPort() < 0 ? 2375 : host.getPort()));
      default ->
          throw new IOException(
              "the engine address "
                  + host
                  + " is not supported for reading task output - expected unix:// or tcp://");
    };
  }

  String id() {
    return id;
  }

  SocketChannel channel() {
    return channel;
  }

  /**
   * Reads what the engine has sent into {@code buffer} (cleared first) and adds the lines it
   * completes to {@code lines}; at the end of the stream also a last line without newline.
   *
   * @return false when the stream ended (the container exited, the engine went away, or the engine
   *     refused: {@link #refusal})
   */
  boolean read(ByteBuffer buffer, List<TaskLogSink.Output> lines) throws IOException {
    buffer.clear();
    int n = channel.read(buffer);
    out = lines;
    try {
      if (n < 0) {
        ended();
        return false;
      }
      accept(buffer.array(), buffer.arrayOffset(), buffer.arrayOffset() + n);
      return true;
    } finally {
      out = null;
    }
  }

  /** Why the engine refused to send the output (its status and message); empty when it did not. */
  Optional<String> refusal() {
    if (status == 0 || status == 200) {
      return Optional.empty();
    }
    return Optional.of(
        "HTTP " + status + ": " + new String(head, 0, headSize, StandardCharsets.UTF_8).strip());
  }

  /** Bytes {@code [from, to)} of the response. */
  private void accept(byte[] bytes, int from, int to) {
    if (status == 200) {
      frames.feed(bytes, from, to, this::payload);
      return;
    }
    if (status != 0) { // a refusal's message
      appendHead(bytes, from, Math.min(to, from + Math.max(0, MAX_ERROR - headSize)));
      return;
    }
    int before = headSize;
    appendHead(bytes, from, Math.min(to, from + Math.max(0, MAX_HEAD - headSize)));
    int end = indexOf(head, headSize, END_OF_HEAD, Math.max(0, before - 3));
    if (end < 0) {
      if (headSize >= MAX_HEAD) {
        status = 502; // no HTTP response
        headSize = 0;
      }
      return;
    }
    status = statusOf(head);
    int bodyFrom = from + (end + END_OF_HEAD.length - before);
    headSize = 0;
    accept(bytes, bodyFrom, to);
  }

  private void payload(int stream, byte[] bytes, int from, int to) {
    boolean err = stream == FrameDecoder.STDERR;
    (err ? stderr : stdout).feed(bytes, from, to, parsed);
    hand(err ? "stderr" : "stdout");
  }

  private void ended() {
    if (status == 200) {
      parsed.addAll(stdout.end());
      hand("stdout");
      parsed.addAll(stderr.end());
      hand("stderr");
    }
  }

  private void hand(String stream) {
    for (OutputParser.Line line : parsed) {
      if (line.at().isAfter(resumeAfter)) {
        out.add(new TaskLogSink.Output(ref, id, stream, line.at(), line.text()));
      }
    }
    parsed.clear();
  }

  private void appendHead(byte[] bytes, int from, int to) {
    if (to <= from) {
      return;
    }
    if (headSize + (to - from) > head.length) {
      head = Arrays.copyOf(head, Math.max(head.length * 2, headSize + (to - from)));
    }
    System.arraycopy(bytes, from, head, headSize, to - from);
    headSize += to - from;
  }

  /** The status of a response head {@code HTTP/1.x NNN ...}; 502 when it is none. */
  static int statusOf(byte[] head) {
    if (head.length < 12 || head[0] != 'H' || head[8] != ' ') {
      return 502;
    }
    int status = 0;
    for (int i = 9; i < 12; i++) {
      if (head[i] < '0' || head[i] > '9') {
        return 502;
      }
      status = status * 10 + (head[i] - '0');
    }
    return status;
  }

  private static int indexOf(byte[] bytes, int size, byte[] what, int from) {
    for (int i = from; i + what.length <= size; i++) {
      if (Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
