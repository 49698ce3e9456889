package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.soa.SoaDir;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code -y/--soa-dir}, and the service guessed from the current directory. */
public final class SoaDirOption {
  @Option(
      names = {"-y", "--soa-dir"},
      paramLabel = "SOA_DIR",
      description =
          "The soa-configs directory (default: $PAASTA_SOA_DIR, else /nail/etc/services).")
  Path soaDir;

  public Path path() {
    return soaDir != null ? soaDir : SoaDir.defaultPath();
  }

  public SoaConfigsLoader open() {
    return SoaConfigsLoader.open(path());
  }

  /**
   * The service given with -s, else the one whose soa-configs folder (or a checkout named like it)
   * the current directory is in.
   */
  public static String serviceOrGuess(String given, SoaConfigsLoader loader) {
    if (given != null) {
      return given;
    }
    return guessService(loader)
        .orElseThrow(
            () ->
                new UserException(
                    "no service given and none could be guessed from the current directory - pass -s SERVICE"));
  }

  static Optional<String> guessService(SoaConfigsLoader loader) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path root = loader.soaDir().root().toAbsolutePath().normalize();
    if (cwd.startsWith(root) && !cwd.equals(root)) {
      String candidate = root.relativize(cwd).getName(0).toString();
      if (loader.soaDir().hasService(candidate)) {
        return Optional.of(candidate);
      }
    }
    Path name = cwd.getFileName();
    if (name != null && loader.soaDir().hasService(name.toString())) {
      return Optional.of(name.toString());
    }
    return Optional.empty();
  }
}
