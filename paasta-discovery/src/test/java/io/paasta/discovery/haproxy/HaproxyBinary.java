package io.paasta.discovery.haproxy;

import io.paasta.testing.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real haproxy binary for integration tests: under CI=true a missing one fails the test. */
final class HaproxyBinary {
  private HaproxyBinary() {}

  static Path require() {
    Path binary = HaproxyProcess.DEFAULT_BINARY;
    if (!Files.isExecutable(binary)) {
      throw TestInfrastructure.missing(binary + " is missing (Debian package haproxy)");
    }
    return binary;
  }
}
