package io.paasta.cli.commands;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How long and how often a command waits for a deploy: {@code --timeout}, {@code --poll-interval}.
 */
public final class WaitOptions {
  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "SECONDS",
      defaultValue = "3600",
      description =
          "How long to wait for the deploy before giving up with exit 1 (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(
      names = "--poll-interval",
      paramLabel = "SECONDS",
      defaultValue = "2",
      description = "How often to ask the clusters' APIs (default: ${DEFAULT-VALUE}).")
  double pollSeconds;

  public Duration timeout() {
    return Duration.ofSeconds(Math.max(0, timeoutSeconds));
  }

  public Duration pollInterval() {
    return Duration.ofMillis(Math.max(10, Math.round(pollSeconds * 1000)));
  }
}
