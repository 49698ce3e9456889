package io.paasta.discovery.haproxy;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real haproxy binary for integration tests: under CI=true a missing one fails the test. */
final class HaproxyBinary {
  private HaproxyBinary() {}

  static Path require() {
    Path binary = HaproxyProcess.DEFAULT_BINARY;
    if (Files.isExecutable(binary)) {
      return binary;
    }
    String message =
        binary + " is missing: install Debian's haproxy package (apt-get install haproxy)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
    return binary;
  }
}
