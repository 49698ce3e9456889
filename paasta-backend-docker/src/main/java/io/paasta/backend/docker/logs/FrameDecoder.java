package io.paasta.backend.docker.logs;

/**
 * The body of the engine's log stream of one container, as it comes in reads of any size: for a
 * container without a terminal, frames of an 8-byte header ({@code [stream, 0, 0, 0, size as 4
 * bytes big-endian]}) followed by {@code size} bytes of that stream's output; for a container with
 * a terminal, the output as is (all of it stdout). Which of the two it is, is told by the first
 * byte: a frame starts with a stream number (0, 1 or 2), the output with the engine's time (a
 * digit), as every stream the collector asks for has timestamps. Headers and payloads may be split
 * anywhere across reads; a frame may be larger than any read. Pure (one instance per stream).
 */
final class FrameDecoder {
  /** The stream numbers of a frame's header. */
  static final int STDOUT = 1;

  static final int STDERR = 2;

  /** Where the output goes, stream by stream, in the order it came. */
  interface Payload {
    /** Bytes {@code [from, to)} of {@code bytes} are output of {@code stream}. */
    void accept(int stream, byte[] bytes, int from, int to);
  }

  private static final int HEADER = 8;

  private final byte[] header = new byte[HEADER];
  private int headerSize;
  private long remaining;
  private int stream;
  private int framed = -1; // unknown until the first byte; then 1 (frames) or 0 (raw)

  /** Decodes bytes {@code [from, to)} of {@code bytes}, handing the output to {@code out}. */
  void feed(byte[] bytes, int from, int to, Payload out) {
    int i = from;
    if (i < to && framed < 0) {
      framed = bytes[i] >= 0 && bytes[i] <= 2 ? 1 : 0;
    }
    if (framed == 0) {
      if (i < to) {
        out.accept(STDOUT, bytes, i, to);
      }
      return;
    }
    while (i < to) {
      if (remaining > 0) {
        int end = (int) Math.min(to, i + remaining);
        out.accept(stream, bytes, i, end);
        remaining -= end - i;
        i = end;
        continue;
      }
      int take = Math.min(HEADER - headerSize, to - i);
      System.arraycopy(bytes, i, header, headerSize, take);
      headerSize += take;
      i += take;
      if (headerSize == HEADER) {
        headerSize = 0;
        stream = header[0] == STDERR ? STDERR : STDOUT;
        remaining =
            (header[4] & 0xffL) << 24
                | (header[5] & 0xffL) << 16
                | (header[6] & 0xffL) << 8
                | (header[7] & 0xffL);
      }
    }
  }

  /** Whether the stream ended inside a frame (its header or payload cut). */
  boolean inFrame() {
    return headerSize > 0 || remaining > 0;
  }
}
