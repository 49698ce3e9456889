package io.paasta.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An env value {@code SECRET(name)} (the service's {@code secrets/name.json}) or {@code
 * SHARED_SECRET(name)} (the {@code _shared} folder's).
 */
public record SecretRef(String name, boolean shared) {
  private static final Pattern FORM = Pattern.compile("^(SHARED_)?SECRET\\(([^)]*)\\)$");

  /** The service folder that holds shared secrets. */
  public static final String SHARED_SERVICE = "_shared";

  public static Optional<SecretRef> parse(String envValue) {
    Matcher matcher = FORM.matcher(envValue);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SecretRef(matcher.group(2), matcher.group(1) != null));
  }
}
