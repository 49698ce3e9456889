package io.paasta.server.api;

import io.paasta.model.WireEnum;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.ObservedTask;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One task of {@code GET /v1/services/{s}/{i}/tasks}: {@code {id, app_id, git_sha, state, health,
 * drain, host, port, started_at, finished_at, exit_code[, output]}}.
 */
final class TaskDocument {
  /** Tasks run on this host (the local backend). */
  static final String HOST = "127.0.0.1";

  private static final Pattern SHORT_SHA = Pattern.compile("\\.git([0-9a-f]+)\\.config");

  /** Oldest start first (not started last), then by id. */
  static final Comparator<ObservedTask> ORDER =
      Comparator.comparing((ObservedTask t) -> t.startedAt().orElse(Instant.MAX))
          .thenComparing(ObservedTask::id);

  private TaskDocument() {}

  /**
   * @param output the task's last lines, when asked for
   */
  static Map<String, Object> of(
      ObservedTask task,
      Optional<DesiredInstance> desired,
      Optional<Function<ObservedTask, List<String>>> output) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", task.id());
    doc.put("app_id", task.appId());
    doc.put("git_sha", gitSha(task.appId(), desired));
    doc.put("state", WireEnum.wireName(task.state()));
    doc.put("health", WireEnum.wireName(task.health()));
    doc.put("drain", WireEnum.wireName(task.drain()));
    doc.put("host", HOST);
    doc.put("port", task.port0().isPresent() ? task.port0().getAsInt() : null);
    doc.put("started_at", task.startedAt().map(Instant::toString).orElse(null));
    doc.put("finished_at", task.finishedAt().map(Instant::toString).orElse(null));
    doc.put("exit_code", task.exitCode().isPresent() ? task.exitCode().getAsInt() : null);
    output.ifPresent(lines -> doc.put("output", lines.apply(task)));
    return doc;
  }

  /**
   * The full sha for a task of the desired app; else the 8 characters its app id holds ({@code
   * <svc>.<inst>.git<sha8>.config<hash8>}); null when the app id has none.
   */
  static String gitSha(String appId, Optional<DesiredInstance> desired) {
    if (desired.isPresent() && desired.get().appId().equals(appId)) {
      return desired.get().gitSha();
    }
    Matcher matcher = SHORT_SHA.matcher(appId);
    String sha = null;
    while (matcher.find()) {
      sha = matcher.group(1);
    }
    return sha;
  }
}
