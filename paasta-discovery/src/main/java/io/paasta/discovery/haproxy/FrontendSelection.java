package io.paasta.discovery.haproxy;

import java.util.List;

/** The frontends that can be routed, sorted by name, and why the others cannot. */
public record FrontendSelection(List<FrontendSpec> accepted, List<String> problems) {
  public FrontendSelection {
    accepted = List.copyOf(accepted);
    problems = List.copyOf(problems);
  }
}
