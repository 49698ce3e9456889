package io.paasta.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Files of the daemon's state directory, replaced whole so that a crash leaves the old or new. */
public final class StateFiles {
  private StateFiles() {}

  /**
   * Writes {@code bytes} to a hidden file beside {@code file}, flushes it to disk and moves it over
   * {@code file} atomically; the directory is made when missing.
   */
  public static void replace(Path file, byte[] bytes) throws IOException {
    Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.createDirectories(file.getParent());
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(ByteBuffer.wrap(bytes));
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
