package io.paasta.discovery.haproxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process runs, by pid. A daemonized HAProxy is not our child, and on a host whose init
 * does not reap orphans it stays a zombie after exiting, which {@link ProcessHandle#isAlive()}
 * still reports alive; Linux's {@code /proc/<pid>/stat} tells the two apart.
 */
final class ProcessLiveness {
  private ProcessLiveness() {}

  static boolean isRunning(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String text = Files.readString(stat);
      int end = text.lastIndexOf(')');
      char state = end >= 0 && end + 2 < text.length() ? text.charAt(end + 2) : '?';
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return Files.isDirectory(Path.of("/proc/self"))
          ? false
          : ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
  }

  /** Whether the process with this pid runs the given executable (guards against pid reuse). */
  static boolean runs(long pid, Path executable) {
    return ProcessHandle.of(pid)
        .flatMap(p -> p.info().command())
        .map(command -> Path.of(command).getFileName().equals(executable.getFileName()))
        .orElse(true); // unknown: trust the master socket's answer
  }
}
