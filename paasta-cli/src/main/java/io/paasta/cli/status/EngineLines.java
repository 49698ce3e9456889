package io.paasta.cli.status;

import static io.paasta.cli.output.Markup.plain;
import static io.paasta.cli.output.Markup.style;

import io.paasta.cli.api.EngineStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes part of {@code paasta status} (SPEC section 14): the versions, one ReplicaSet each
 * ({@code fedcba98 config1234abcd created 2026-12-06T10:00:00Z (5m ago): 2/3 ready}), and with -v
 * the replicas' table (name, version, state with its explanation, started). Pure: markup lines out.
 */
public final class EngineLines {
  private static final List<String> HEADER = List.of("REPLICA", "VERSION", "STATE", "STARTED");

  private EngineLines() {}

  /** The instance's state coloured: green when running, red when stopped, yellow otherwise. */
  static String state(EngineStatus engine) {
    String colour =
        switch (engine.state()) {
          case "Running" -> "green";
          case "Stopped" -> "red";
          default -> "yellow";
        };
    return style(colour, engine.state());
  }

  public static List<String> versions(EngineStatus engine, Instant now) {
    if (engine.versions().isEmpty()) {
      return List.of("Versions: none");
    }
    List<String> lines = new ArrayList<>(List.of("Versions:"));
    for (EngineStatus.Version version : engine.versions()) {
      String colour =
          version.ready() >= version.replicas() ? "green" : version.ready() == 0 ? "red" : "yellow";
      lines.add(
          "  "
              + plain(
                  InstanceStatusLines.shortSha(version.gitSha())
                      + " "
                      + version.configSha()
                      + version
                          .created()
                          .map(t -> " created " + when(t, now))
                          .orElse(" (creation time unknown)")
                      + ": ")
              + style(colour, version.ready() + "/" + version.replicas())
              + plain(" ready"));
    }
    return lines;
  }

  public static List<String> replicas(EngineStatus engine, Instant now) {
    if (engine.replicas().isEmpty()) {
      return List.of("Replicas: none");
    }
    List<List<String>> rows =
        engine.replicas().stream()
            .map(
                r ->
                    List.of(
                        r.name(),
                        r.gitSha().isEmpty() ? "-" : InstanceStatusLines.shortSha(r.gitSha()),
                        r.detail().isEmpty() ? r.state() : r.state() + " (" + r.detail() + ")",
                        r.startedAt().map(t -> when(t, now)).orElse("-")))
            .toList();
    List<String> lines = new ArrayList<>(List.of("Replicas:"));
    Table.render(
            HEADER,
            rows,
            (row, column) -> column == 2 ? colour(engine.replicas().get(row).state()) : "")
        .forEach(line -> lines.add("  " + line));
    return lines;
  }

  private static String colour(String state) {
    return switch (state) {
      case "Healthy" -> "green";
      case "Warming Up", "Terminating" -> "yellow";
      default -> "red";
    };
  }

  private static String when(Instant t, Instant now) {
    return t.truncatedTo(ChronoUnit.SECONDS) + " (" + TaskLines.age(t, now) + " ago)";
  }
}
