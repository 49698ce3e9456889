package io.paasta.discovery.haproxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Checks a configuration with {@code haproxy -c} before it is used. The checked text is left in the
 * candidate file, from where {@link HaproxyProcess} installs it.
 */
final class ConfigCheck {
  private final Path binary;
  private final Path candidate;
  private final Duration timeout;

  ConfigCheck(Path binary, Path candidate, Duration timeout) {
    this.binary = binary;
    this.candidate = candidate;
    this.timeout = timeout;
  }

  /** Empty when HAProxy accepts the configuration, else its alerts (or why it could not run). */
  Optional<String> check(String config) {
    try {
      Files.createDirectories(candidate.getParent());
      Files.writeString(candidate, config, StandardCharsets.UTF_8);
      Process check =
          new ProcessBuilder(binary.toString(), "-c", "-f", candidate.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!check.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        check.destroyForcibly();
        return Optional.of("haproxy -c did not finish within " + timeout);
      }
      return check.exitValue() == 0 ? Optional.empty() : Optional.of(alertsOf(output));
    } catch (IOException e) {
      return Optional.of("cannot run " + binary + " -c: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while checking the configuration");
    }
  }

  private static String alertsOf(String output) {
    List<String> lines = output.lines().filter(l -> l.contains("[ALERT]")).toList();
    return String.join("; ", lines.isEmpty() ? output.lines().toList() : lines);
  }
}
