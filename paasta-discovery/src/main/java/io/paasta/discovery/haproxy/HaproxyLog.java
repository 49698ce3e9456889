package io.paasta.discovery.haproxy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The file HAProxy's master writes its notices and alerts to. Reading the alerts written since a
 * reload began tells why it failed (say, a port that could not be bound).
 */
final class HaproxyLog {
  private static final int MAX_READ = 64 * 1024;
  private final Path file;

  HaproxyLog(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  long size() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  void truncate() throws IOException {
    Files.write(file, new byte[0]);
  }

  /** The {@code [ALERT]} lines written at or after {@code offset}, joined by "; ". */
  String alertsSince(long offset) {
    List<String> alerts =
        Arrays.stream(readFrom(offset).split("\n"))
            .filter(line -> line.contains("[ALERT]"))
            .map(line -> line.replaceFirst("^\\[ALERT]\\s*\\(\\d+\\)\\s*:\\s*", ""))
            .collect(Collectors.toList());
    return alerts.isEmpty()
        ? "HAProxy logged no alert (see " + file + ")"
        : String.join("; ", alerts);
  }

  private String readFrom(long offset) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(offset, in.length() - MAX_READ);
      byte[] bytes = new byte[(int) Math.max(0, in.length() - start)];
      in.seek(start);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
