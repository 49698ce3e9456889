package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.api.ApiToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --api-token-file}: the token for API requests that change anything. Default: {@code
 * $PAASTA_API_TOKEN_FILE}, else {@code /etc/paasta/api_token} (the daemon's own default).
 */
public final class ApiTokenOption {
  static final Path DEFAULT_FILE = Path.of("/etc/paasta/api_token");
  static final String ENV = "PAASTA_API_TOKEN_FILE";

  @Option(
      names = "--api-token-file",
      paramLabel = "PATH",
      description =
          "The API token of the cluster's paasta server, for changes (default:"
              + " $PAASTA_API_TOKEN_FILE, else /etc/paasta/api_token).")
  Path file;

  /** The token, read now; a {@link UserException} saying what to give when there is none. */
  public ApiToken token() {
    return ApiToken.read(resolve(file, System.getenv()));
  }

  static Path resolve(Path given, Map<String, String> env) {
    if (given != null) {
      return given;
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    if (Files.isRegularFile(DEFAULT_FILE)) {
      return DEFAULT_FILE;
    }
    throw new UserException(
        "no API token: changes through the API need the token the cluster's paasta server was"
            + " started with - give --api-token-file PATH (or set "
            + ENV
            + "; "
            + DEFAULT_FILE
            + " does not exist)");
  }
}
