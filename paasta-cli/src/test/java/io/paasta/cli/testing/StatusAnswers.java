package io.paasta.cli.testing;

/**
 * Canned answers of the status and tasks endpoints in the JSON contract's shapes, for the four
 * states an instance shows: running, bouncing, stopped and never deployed. Each carries a field the
 * contract does not name, which clients must ignore.
 */
public final class StatusAnswers {
  public static final String SHA = "1a2b3c4d5e6f70819293a4b5c6d7e8f901234567";
  public static final String OLD_SHA = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";

  private StatusAnswers() {}

  /** Three of three tasks up and healthy, one app, in SmartStack, checks OK. */
  public static String running(String instance, String sha) {
    return status(
        instance,
        sha,
        "start",
        app("start", 1, "crossover", "Running", 3, 3, 3, sha),
        smartstack(3, 3),
        "[{\"name\":\"check_marathon_services_replication.hello-web."
            + instance
            + "\",\"status\":0,"
            + "\"output\":\"3/3 tasks healthy\"}]");
  }

  /** A crossover bounce: two apps, 2 of 3 new tasks up, 1 healthy; a replication warning. */
  public static String bouncing(String instance, String sha) {
    return status(
        instance,
        sha,
        "start",
        app("start", 2, "crossover", "Deploying", 2, 1, 3, sha),
        smartstack(2, 3),
        "[{\"name\":\"check_marathon_services_replication.hello-web."
            + instance
            + "\",\"status\":1,"
            + "\"output\":\"2/3 backends UP\\nmore detail\"},"
            + "{\"name\":\"setup_marathon_job.hello-web."
            + instance
            + "\",\"status\":0,\"output\":\"ok\"}]");
  }

  /** Deployed at {@code sha}, then stopped: no app, no tasks, none wanted. */
  public static String stopped(String instance, String sha) {
    return status(
        instance,
        sha,
        "stop",
        app("stop", 0, "crossover", "Stopped", 0, 0, 0, sha),
        smartstack(0, 0),
        "[]");
  }

  /** No deploy tag for the deploy group yet: no sha, no desired state, no app. */
  public static String neverDeployed(String instance) {
    return "{\"service\":\"hello-web\",\"instance\":\""
        + instance
        + "\",\"cluster\":\"local\",\"git_sha\":null,\"desired_state\":null,"
        + "\"marathon\":{\"desired_state\":null,\"app_count\":0,\"app_id\":null,"
        + "\"bounce_method\":\"crossover\",\"deploy_status\":\"NotRunning\","
        + "\"running_instance_count\":0,\"healthy_instance_count\":0,"
        + "\"expected_instance_count\":3,\"error_message\":null,\"config_problems\":[]},"
        + "\"smartstack\":null,\"checks\":[],\"added_later\":{\"x\":1}}";
  }

  /** Healthy {@code happy} of {@code expected} new tasks, {@code apps} apps, at {@code sha}. */
  public static String deploying(String instance, String sha, int apps, int happy, int expected) {
    return status(
        instance,
        sha,
        "start",
        app(
            "start",
            apps,
            "crossover",
            apps > 1 ? "Deploying" : "Running",
            happy,
            happy,
            expected,
            sha),
        "null",
        "[]");
  }

  public static String status(
      String instance, String sha, String desired, String app, String smartstack, String checks) {
    return "{\"service\":\"hello-web\",\"instance\":\""
        + instance
        + "\",\"cluster\":\"local\",\"git_sha\":\""
        + sha
        + "\",\"desired_state\":\""
        + desired
        + "\",\"marathon\":"
        + app
        + ",\"smartstack\":"
        + smartstack
        + ",\"checks\":"
        + checks
        + ",\"unknown_new_section\":{\"anything\":[1,2,3]}}";
  }

  static String app(
      String desired,
      int appCount,
      String bounce,
      String deployStatus,
      int running,
      int healthy,
      int expected,
      String sha) {
    return "{\"desired_state\":\""
        + desired
        + "\",\"app_count\":"
        + appCount
        + ",\"app_id\":\"hello-web.main.git"
        + sha.substring(0, 8)
        + ".config3c5d7e9f\",\"bounce_method\":\""
        + bounce
        + "\",\"deploy_status\":\""
        + deployStatus
        + "\",\"running_instance_count\":"
        + running
        + ",\"healthy_instance_count\":"
        + healthy
        + ",\"expected_instance_count\":"
        + expected
        + ",\"error_message\":null,\"config_problems\":[],\"backoff_seconds\":0}";
  }

  static String smartstack(int running, int expected) {
    return "{\"locations\":[{\"name\":\"region:local\",\"running_backends\":"
        + running
        + ",\"expected_backends\":"
        + expected
        + "}]}";
  }

  /** Two tasks: one healthy, one unhealthy and draining; with output lines when asked. */
  public static String tasks(boolean withOutput) {
    String output1 = withOutput ? ",\"output\":[\"listening on 31001\",\"GET /status 200\"]" : "";
    String output2 = withOutput ? ",\"output\":[\"\\u001b[31mpanic\\u001b[0m: boom\"]" : "";
    return "{\"tasks\":["
        + "{\"id\":\"0123456789abcdef0123456789abcdef\",\"app_id\":\"hello-web.main.git1a2b3c4d.config3c5d7e9f\","
        + "\"git_sha\":\""
        + SHA
        + "\",\"state\":\"running\",\"health\":\"healthy\",\"drain\":false,"
        + "\"host\":\"127.0.0.1\",\"port\":31001,\"started_at\":\"2026-11-20T10:00:00Z\","
        + "\"finished_at\":null,\"exit_code\":null"
        + output1
        + ",\"new_field\":true},"
        + "{\"id\":\"fedcba9876543210fedcba9876543210\",\"app_id\":\"hello-web.main.git9f8e7d6c.config11111111\","
        + "\"git_sha\":\""
        + OLD_SHA
        + "\",\"state\":\"running\",\"health\":\"unhealthy\",\"drain\":true,"
        + "\"host\":\"127.0.0.1\",\"port\":31002,\"started_at\":\"2026-11-20T09:00:00Z\","
        + "\"finished_at\":null,\"exit_code\":null"
        + output2
        + "}]}";
  }
}
