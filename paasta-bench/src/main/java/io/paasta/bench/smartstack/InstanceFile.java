package io.paasta.bench.smartstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The benchmark instance's {@code marathon-<cluster>.yaml}, written from a template whose
 * {@code @INSTANCES@} and {@code @ROUND@} are replaced. A new round changes the instance's env, so
 * its config hash: a bounce, exactly as a user's config change is. A new instance count is a scale.
 * Each write is a rename into place, so the daemon never reads half a file.
 */
final class InstanceFile {
  private final Path file;
  private final String template;
  private int instances;
  private int round;

  InstanceFile(Path file, Path template) throws IOException {
    this.file = file;
    this.template = Files.readString(template);
    if (!this.template.contains("@ROUND@") || !this.template.contains("@INSTANCES@")) {
      throw new IllegalArgumentException(
          "the template " + template + " needs the placeholders @INSTANCES@ and @ROUND@");
    }
  }

  /** Writes {@code count} tasks (the first version, or a scale: no bounce). */
  void scale(int count) throws IOException {
    instances = count;
    write();
  }

  /** A bounce: the next round. */
  void bounce() throws IOException {
    round++;
    write();
  }

  private void write() throws IOException {
    String text =
        template
            .replace("@INSTANCES@", Integer.toString(instances))
            .replace("@ROUND@", Integer.toString(round));
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
