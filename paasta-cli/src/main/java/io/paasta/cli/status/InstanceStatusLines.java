package io.paasta.cli.status;

import static io.paasta.cli.output.Markup.padded;
import static io.paasta.cli.output.Markup.plain;
import static io.paasta.cli.output.Markup.style;

import io.paasta.cli.api.AppStatus;
import io.paasta.cli.api.CheckResult;
import io.paasta.cli.api.InstanceStatus;
import io.paasta.cli.api.InstanceTarget;
import io.paasta.cli.api.PassBackoff;
import io.paasta.cli.api.SmartstackLocation;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of {@code paasta status} for one instance, in PaaSTA's words (SPEC section 9): git sha,
 * state and desired state, the app's health and deploy status, SmartStack, checks. Pure: picocli
 * markup in, nothing printed. A stopped instance reads as stopped, a never-deployed one as not
 * deployed.
 */
public final class InstanceStatusLines {
  private InstanceStatusLines() {}

  public static List<String> of(InstanceTarget target, InstanceStatus status, int verbose) {
    List<String> lines = new ArrayList<>();
    if (!status.deployed()) {
      lines.add("Git sha: None (not deployed yet)");
      lines.add(
          "State: "
              + style("red", "Not deployed")
              + plain(
                  " - deploy group "
                      + target.deployGroup()
                      + " has no deploy tag yet (paasta mark-for-deployment -l "
                      + target.deployGroup()
                      + ")"));
      status
          .app()
          .filter(a -> a.appCount() > 0)
          .ifPresent(a -> lines.addAll(app(a, status, verbose)));
      lines.addAll(checks(status.checks(), verbose));
      return lines;
    }
    lines.add("Git sha: " + plain(shortSha(status.gitSha().get())) + " (desired)");
    lines.add("State: " + state(status) + " - Desired state: " + desired(status));
    status.app().ifPresent(a -> lines.addAll(app(a, status, verbose)));
    status.smartstack().ifPresent(locations -> lines.addAll(smartstack(target, locations, status)));
    if (verbose >= 1) {
      status.autoscaling().ifPresent(a -> lines.addAll(AutoscalingLines.of(a)));
    }
    lines.addAll(checks(status.checks(), verbose));
    return lines;
  }

  static String shortSha(String sha) {
    return sha.length() > 8 ? sha.substring(0, 8) : sha;
  }

  private static String state(InstanceStatus status) {
    if (status.app().isEmpty()) {
      return style("yellow", "Unknown") + " (the API sent no marathon or kubernetes status)";
    }
    AppStatus app = status.app().get();
    if (app.engine().isPresent()) {
      return EngineLines.state(app.engine().get());
    }
    if (status.stopped()) {
      return app.runningInstanceCount() > 0 ? style("yellow", "Stopping") : style("red", "Stopped");
    }
    if (app.appCount() <= 0) {
      return style("red", "Not running");
    }
    if (app.appCount() == 1) {
      return style("green", "Configured");
    }
    return style("yellow", "Bouncing (" + app.bounceMethod().orElse("unknown method") + ")");
  }

  private static String desired(InstanceStatus status) {
    String desired = status.desiredState().orElse("start");
    if ("stop".equals(desired)) {
      return style("red", "Stopped");
    }
    if (!"start".equals(desired)) {
      return style("red", "Unknown (desired_state: " + desired + ")");
    }
    boolean none = status.app().map(a -> a.expectedInstanceCount() == 0).orElse(false);
    return style("bold", none ? "Stopped" : "Started");
  }

  private static List<String> app(AppStatus app, InstanceStatus status, int verbose) {
    List<String> lines = new ArrayList<>();
    String label = plain(app.label()) + ": ";
    if (app.errorMessage().isPresent()) {
      lines.add(label + style("red", "Error") + plain(" - " + app.errorMessage().get()));
    } else {
      lines.add(label + health(app, status.stopped()) + ". Status: " + deployStatus(app));
    }
    if (verbose >= 1) {
      app.appId().ifPresent(id -> lines.add("App id: " + plain(id)));
      app.passBackoff().ifPresent(b -> lines.add(backoff(b)));
    }
    app.configProblems().forEach(p -> lines.add(style("yellow", "Config problem: " + p)));
    return lines;
  }

  /** {@code Retry: pass failed 3 times in a row: <error>; next try in 40 s (at 12:00:40 UTC)} */
  static String backoff(PassBackoff backoff) {
    String times = backoff.failures() == 1 ? "once" : backoff.failures() + " times in a row";
    String at =
        backoff
            .nextTryAt()
            .map(t -> " (at " + Clock.FORMAT.format(t.truncatedTo(ChronoUnit.SECONDS)) + " UTC)")
            .orElse("");
    String when =
        backoff.nextTryInSeconds() <= 0
            ? "next try now"
            : "next try in " + backoff.nextTryInSeconds() + " s" + at;
    return "Retry: "
        + style("red", "pass failed " + times)
        + plain(": " + backoff.lastError() + "; " + when);
  }

  /**
   * Made when first used: most statuses show no clock time (java.time's formatting starts slow).
   */
  private static final class Clock {
    static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  }

  private static String health(AppStatus app, boolean stopped) {
    int running = app.runningInstanceCount();
    int expected = app.expectedInstanceCount();
    String count = "(" + running + "/" + expected + ")";
    if (stopped || expected == 0) {
      return running == 0
          ? style("red", "Stopped") + plain(" - no instances desired, none up " + count)
          : style("yellow", "Stopping") + plain(" - still up with " + count + " instances");
    }
    int healthy = app.healthyInstanceCount();
    String word =
        healthy >= expected
            ? style("green", "Healthy")
            : healthy == 0 ? style("red", "Critical") : style("yellow", "Warning");
    String colour = running >= expected ? "green" : running == 0 ? "red" : "yellow";
    String unhealthy = healthy < running ? ", " + healthy + " healthy" : "";
    return word + " - up with " + style(colour, count) + " instances" + plain(unhealthy);
  }

  private static String deployStatus(AppStatus app) {
    String status = app.deployStatus();
    return switch (status) {
      case "Running" -> style("bold", status);
      case "Deploying" -> style("yellow", status);
      case "Stopped" -> style("faint", status);
      case "Delayed" -> style("red", status) + " (tasks are crashing, the next start is delayed)";
      case "Waiting" ->
          style("red", status) + " (new tasks waiting for capacity to become available)";
      default -> plain(status);
    };
  }

  private static List<String> smartstack(
      InstanceTarget target, List<SmartstackLocation> locations, InstanceStatus status) {
    if (locations.isEmpty()) {
      return List.of(
          status.stopped()
              ? "Smartstack: no backends (stopped)"
              : "Smartstack: "
                  + style("red", "ERROR")
                  + plain(" - " + target.service() + "." + target.instance())
                  + " is NOT in smartstack at all!");
    }
    if (locations.size() == 1) {
      return List.of("Smartstack: " + location(locations.get(0)));
    }
    List<String> lines = new ArrayList<>(List.of("Smartstack:"));
    locations.forEach(l -> lines.add("  " + location(l)));
    return lines;
  }

  private static String location(SmartstackLocation location) {
    int up = location.runningBackends();
    int expected = location.expectedBackends();
    String name = plain(location.name()) + " - ";
    if (expected == 0) {
      return name + "no backends expected, " + up + " " + style("bold", "UP");
    }
    String word =
        up >= expected
            ? style("green", "Healthy")
            : up == 0 ? style("red", "Critical") : style("yellow", "Warning");
    String colour = up >= expected ? "green" : up == 0 ? "red" : "yellow";
    return name
        + word
        + " - in haproxy with "
        + style(colour, "(" + up + "/" + expected + ")")
        + " total backends "
        + style("bold", "UP");
  }

  private static List<String> checks(List<CheckResult> checks, int verbose) {
    List<CheckResult> shown = checks.stream().filter(c -> verbose >= 1 || !c.ok()).toList();
    if (shown.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(List.of("Checks:"));
    for (CheckResult check : shown) {
      String output = check.output().strip().lines().findFirst().orElse("");
      lines.add(
          "  "
              + padded(colour(check), check.word(), 8)
              + " "
              + plain(check.name() + (output.isEmpty() ? "" : ": " + output)));
    }
    return lines;
  }

  private static String colour(CheckResult check) {
    return switch (check.status()) {
      case 0 -> "green";
      case 1 -> "yellow";
      case 2 -> "red";
      default -> "faint";
    };
  }
}
