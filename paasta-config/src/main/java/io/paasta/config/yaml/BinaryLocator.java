package io.paasta.config.yaml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the line and column of the first byte that makes a file unreadable as UTF-8 YAML. Used only
 * after reading failed, on files already known to be at most {@link
 * ConfigFileReader#MAX_FILE_BYTES} long.
 */
final class BinaryLocator {
  private BinaryLocator() {}

  /** The 1-based {line, column} of the first byte that is not UTF-8, or null when unknown. */
  static int[] ofMalformedByte(Path path) {
    byte[] bytes = readOrNull(path);
    if (bytes == null || hasUtf16Or32Bom(bytes)) {
      return null;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return lineAndColumn(bytes, in.position());
      }
      if (!result.isOverflow()) {
        return null;
      }
      out.clear();
    }
  }

  /**
   * The 1-based {line, column} of the code point at {@code position} (counted as SnakeYAML counts,
   * after any byte order mark), or null when unknown.
   */
  static int[] ofCodePoint(Path path, int position) {
    byte[] bytes = readOrNull(path);
    if (bytes == null || hasUtf16Or32Bom(bytes)) {
      return null;
    }
    int codePoint = -1;
    for (int i = utf8BomLength(bytes); i < bytes.length; i++) {
      if (isLeadByte(bytes[i]) && ++codePoint == position) {
        return lineAndColumn(bytes, i);
      }
    }
    return null;
  }

  private static int[] lineAndColumn(byte[] bytes, int end) {
    int line = 1;
    int column = 1;
    for (int i = utf8BomLength(bytes); i < end; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if (isLeadByte(bytes[i])) {
        column++;
      }
    }
    return new int[] {line, column};
  }

  private static boolean isLeadByte(byte b) {
    return (b & 0xC0) != 0x80;
  }

  private static int utf8BomLength(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF
        ? 3
        : 0;
  }

  private static boolean hasUtf16Or32Bom(byte[] b) {
    return b.length >= 2
        && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
            || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE)
            || (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE));
  }

  private static byte[] readOrNull(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      return null;
    }
  }
}
