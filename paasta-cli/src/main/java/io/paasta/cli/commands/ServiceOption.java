package io.paasta.cli.commands;

import picocli.CommandLine.Option;

/** {@code -s/--service}. */
public final class ServiceOption {
  @Option(
      names = {"-s", "--service"},
      paramLabel = "SERVICE",
      description = "The service (default: guessed from the current directory).")
  String service;

  /** The service given, or null. */
  public String given() {
    return service;
  }
}
