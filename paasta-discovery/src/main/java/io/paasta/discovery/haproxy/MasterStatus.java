package io.paasta.discovery.haproxy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The master CLI's {@code show proc}: the master's pid, how many reloads it did and how many of
 * them failed (HAProxy 2.6: {@code 3 [failed: 1]}), and the current workers' pids (old workers
 * still finishing their connections are not listed).
 */
public record MasterStatus(long masterPid, int reloads, int failedReloads, List<Long> workerPids) {
  private static final Pattern MASTER =
      Pattern.compile("^(\\d+)\\s+master\\s+(\\d+)(?:\\s+\\[failed: (\\d+)])?", Pattern.MULTILINE);
  private static final Pattern WORKER = Pattern.compile("^(\\d+)\\s+worker\\b");

  public MasterStatus {
    workerPids = List.copyOf(workerPids);
  }

  public static MasterStatus parse(String showProc) {
    Matcher master = MASTER.matcher(showProc);
    if (!master.find()) {
      throw new IllegalArgumentException("show proc names no master: " + showProc.strip());
    }
    List<Long> workers = new ArrayList<>();
    boolean inWorkers = false;
    for (String line : showProc.split("\n")) {
      if (line.startsWith("#")) {
        inWorkers = line.strip().equals("# workers");
        continue;
      }
      Matcher worker = WORKER.matcher(line);
      if (inWorkers && worker.find()) {
        workers.add(Long.parseLong(worker.group(1)));
      }
    }
    return new MasterStatus(
        Long.parseLong(master.group(1)),
        Integer.parseInt(master.group(2)),
        master.group(3) == null ? 0 : Integer.parseInt(master.group(3)),
        workers);
  }
}
