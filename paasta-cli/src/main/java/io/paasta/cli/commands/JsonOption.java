package io.paasta.cli.commands;

import picocli.CommandLine.Option;

/** {@code --json}, which every read command offers. */
public final class JsonOption {
  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  public boolean enabled() {
    return json;
  }
}
