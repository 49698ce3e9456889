package io.paasta.cli.localrun;

import io.paasta.backend.docker.engine.ContainerSpec;
import io.paasta.backend.docker.localrun.DockerRunCommand;
import io.paasta.deploy.pipeline.ShellWords;
import java.util.List;

/**
 * The {@code docker run} command of a container spec ({@link DockerRunCommand#words}) as text a
 * POSIX shell runs by copy-paste: what {@code --dry-run} prints. Pure.
 */
public final class DockerRunText {
  private DockerRunText() {}

  /** The command as one shell line: each word quoted as needed. */
  public static String line(ContainerSpec spec, boolean stdin, boolean tty) {
    return ShellWords.join(DockerRunCommand.words(spec, stdin, tty));
  }

  /**
   * The command over several lines (a {@code \} ends each but the last), one flag a line: still one
   * command for a shell, easier to read.
   */
  public static String multiLine(ContainerSpec spec, boolean stdin, boolean tty) {
    List<String> words = DockerRunCommand.words(spec, stdin, tty);
    StringBuilder text = new StringBuilder(ShellWords.quote(words.get(0)));
    text.append(' ').append(ShellWords.quote(words.get(1)));
    int image = words.indexOf(spec.image());
    for (int i = 2; i < words.size(); i++) {
      text.append(i <= image ? " \\\n    " : " ").append(ShellWords.quote(words.get(i)));
    }
    return text.toString();
  }
}
