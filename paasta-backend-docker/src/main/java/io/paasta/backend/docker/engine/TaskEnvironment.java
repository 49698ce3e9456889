package io.paasta.backend.docker.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A task's environment (SPEC section 4): the run spec's env (the user's over PAASTA_* and
 * MARATHON_*), then {@code MESOS_TASK_ID} and {@code HOST} unless the env sets them, then the port
 * variables, which win over the env: {@code PORT}, {@code PORT0..n}, {@code PORTS}, {@code
 * MARATHON_PORT}, {@code MARATHON_PORT0..n}.
 */
public final class TaskEnvironment {
  /** Tasks run on host networking and listen on loopback. */
  public static final String HOST = "127.0.0.1";

  private TaskEnvironment() {}

  public static Map<String, String> of(
      Map<String, String> env, List<Integer> ports, String taskId) {
    Map<String, String> result = withoutPorts(env, taskId);
    String port0 = String.valueOf(ports.get(0));
    result.put("PORT", port0);
    result.put("MARATHON_PORT", port0);
    result.put("PORTS", ports.stream().map(String::valueOf).collect(Collectors.joining(",")));
    for (int i = 0; i < ports.size(); i++) {
      result.put("PORT" + i, String.valueOf(ports.get(i)));
      result.put("MARATHON_PORT" + i, String.valueOf(ports.get(i)));
    }
    return result;
  }

  /**
   * The environment of a task that listens on no port (a job's attempt): the run spec's env, then
   * {@code MESOS_TASK_ID} and {@code HOST} unless the env sets them.
   */
  public static Map<String, String> withoutPorts(Map<String, String> env, String taskId) {
    Map<String, String> result = new TreeMap<>(env);
    result.putIfAbsent("MESOS_TASK_ID", taskId);
    result.putIfAbsent("HOST", HOST);
    return result;
  }

  /** {@code NAME=value} entries, as the engine takes them. */
  public static List<String> entries(Map<String, String> env) {
    List<String> entries = new ArrayList<>();
    env.forEach((name, value) -> entries.add(name + "=" + value));
    return entries;
  }
}
