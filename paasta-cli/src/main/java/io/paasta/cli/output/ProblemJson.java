package io.paasta.cli.output;

import io.paasta.config.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of problems, shared by every command that prints them. */
public final class ProblemJson {
  private ProblemJson() {}

  public static Map<String, Object> of(Problem problem) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("severity", problem.severity().name().toLowerCase());
    json.put("file", problem.file());
    json.put("line", problem.line());
    json.put("column", problem.column());
    json.put("subject", problem.subject());
    json.put("message", problem.message());
    json.put("value", problem.value().orElse(null));
    json.put("expected", problem.expected());
    json.put("text", problem.format());
    return json;
  }

  public static List<Map<String, Object>> of(List<Problem> problems) {
    return problems.stream().map(ProblemJson::of).toList();
  }
}
