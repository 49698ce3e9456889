package io.paasta.deploy.image;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's {@code WWW-Authenticate} challenge: {@code Basic realm="..."}, or {@code Bearer
 * realm="https://auth/token",service="registry",scope="repository:x:pull"} (the token flow of the
 * registry API: ask the realm for a token with the login, then send it as {@code Bearer}).
 *
 * @param scheme lower case: {@code basic} or {@code bearer}
 */
record RegistryChallenge(String scheme, Map<String, String> params) {
  private static final Pattern PARAM = Pattern.compile("([A-Za-z_]+)=\"([^\"]*)\"");

  static Optional<RegistryChallenge> parse(String header) {
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    String scheme = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    if (scheme.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (space >= 0) {
      Matcher matcher = PARAM.matcher(trimmed.substring(space + 1));
      while (matcher.find()) {
        params.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
      }
    }
    return Optional.of(new RegistryChallenge(scheme, params));
  }
}
