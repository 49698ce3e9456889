package io.paasta.config.secrets;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secret names (SPEC section 15): letters, digits, {@code -} and {@code _}, not starting with
 * {@code -} or {@code _}; a name is a file name under {@code secrets/}, so {@code ..} and {@code /}
 * never pass.
 */
public final class SecretNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private SecretNames() {}

  /** What is wrong with the name; empty when it is a valid secret name. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("a secret name is empty");
    }
    if (name.contains("/") || name.contains("..")) {
      return Optional.of(
          "secret name '" + name + "' holds '/' or '..': a secret name is a file name, not a path");
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of(
          "secret name '"
              + name
              + "' is not letters, digits, '-' and '_' (not starting with '-' or '_')");
    }
    return Optional.empty();
  }

  /**
   * @throws SecretException when the name is not valid
   */
  public static String check(String name) {
    problem(name)
        .ifPresent(
            p -> {
              throw new SecretException(p);
            });
    return name;
  }
}
