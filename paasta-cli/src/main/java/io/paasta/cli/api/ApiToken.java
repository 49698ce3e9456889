package io.paasta.cli.api;

import io.paasta.cli.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The token a cluster's API needs on requests that change anything ({@code Authorization: Bearer
 * <token>}): the first non-blank line of a file. Never printed: {@link #toString} names the file.
 */
public final class ApiToken {
  private final String secret;
  private final Path file;

  private ApiToken(String secret, Path file) {
    this.secret = secret;
    this.file = file;
  }

  /** The token in {@code file}, or a {@link UserException} naming the file and what to do. */
  public static ApiToken read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException(
          "cannot read the API token file "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ") - give the file the cluster's paasta server was started with"
              + " (--api-token-file)");
    }
    String token = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    if (token.isEmpty()) {
      throw new UserException(
          "the API token file " + file + " is empty - expected the token on its first line");
    }
    return new ApiToken(token, file);
  }

  String secret() {
    return secret;
  }

  public Path file() {
    return file;
  }

  @Override
  public String toString() {
    return "ApiToken(from " + file + ")";
  }
}
