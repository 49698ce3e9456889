package io.paasta.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * The arguments of {@code paasta server} for a test's daemon in a process of its own: its folders,
 * no SmartStack (no ZooKeeper or HAProxy), the loop's full pass at the given pace, and git tags
 * read only once an hour (the tests write deployments.json themselves) unless told otherwise.
 */
public final class DaemonArgs {
  private DaemonArgs() {}

  public static List<String> server(Path soa, Path systemDir, Path stateDir, int fullPassSeconds) {
    return server(soa, systemDir, stateDir, fullPassSeconds, 3600);
  }

  /**
   * As {@link #server(Path, Path, Path, int)}, with the services' git tags read every {@code
   * pollSeconds} (for tests that deploy by tags, as the pipeline does).
   */
  public static List<String> server(
      Path soa, Path systemDir, Path stateDir, int fullPassSeconds, int pollSeconds) {
    return List.of(
        "server",
        "--soa-dir",
        soa.toString(),
        "--system-config-dir",
        systemDir.toString(),
        "--state-dir",
        stateDir.toString(),
        "--no-smartstack",
        "--full-pass-every",
        Integer.toString(fullPassSeconds),
        "--deployments-poll-every",
        Integer.toString(pollSeconds));
  }
}
