package io.paasta.server.monitoring;

import io.paasta.monitoring.CheckState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An instance's check states as the status document's {@code checks} list. */
public final class CheckStatesDocument {
  private CheckStatesDocument() {}

  public static List<Map<String, Object>> of(List<CheckState> states) {
    return states.stream().map(CheckStatesDocument::one).toList();
  }

  private static Map<String, Object> one(CheckState state) {
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("name", state.name());
    check.put("status", state.status().code());
    check.put("output", state.output());
    check.put("since", state.since().toString());
    check.put("alerted", state.alerted());
    return check;
  }
}
