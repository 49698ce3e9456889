package io.paasta.server.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The secret that requests changing anything must carry as {@code Authorization: Bearer <token>}.
 * Never printed: {@link #toString} names only where it came from.
 */
public final class ApiToken {
  /** Read when {@code paasta server} is given no {@code --api-token-file} and it exists. */
  public static final Path DEFAULT_FILE = Path.of("/etc/paasta/api_token");

  private final byte[] secret;
  private final String source;

  public ApiToken(String secret, String source) {
    if (secret.isBlank()) {
      throw new IllegalArgumentException("an API token must not be empty");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.source = source;
  }

  /**
   * The token in a file (its first line, surrounding blanks removed).
   *
   * @throws IllegalArgumentException naming the file when it cannot be read or holds no token
   */
  public static ApiToken fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the API token file " + file + ": " + e, e);
    }
    String token = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    if (token.isEmpty()) {
      throw new IllegalArgumentException(
          "the API token file " + file + " is empty; write a token (e.g. `openssl rand -hex 32`)");
    }
    return new ApiToken(token, file.toString());
  }

  /**
   * The token of {@code --api-token-file} when given (it must exist), else of {@link #DEFAULT_FILE}
   * when that exists, else none.
   */
  public static Optional<ApiToken> resolve(Optional<Path> given) {
    if (given.isPresent()) {
      return Optional.of(fromFile(given.get()));
    }
    return Files.isRegularFile(DEFAULT_FILE)
        ? Optional.of(fromFile(DEFAULT_FILE))
        : Optional.empty();
  }

  /** Whether an {@code Authorization} header value carries this token (constant-time compare). */
  public boolean accepts(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(secret, given);
  }

  /** Where the token came from (a file name), for messages. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "ApiToken(from " + source + ")";
  }
}
