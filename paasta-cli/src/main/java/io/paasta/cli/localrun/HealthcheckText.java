package io.paasta.cli.localrun;

import io.paasta.model.Healthcheck;
import io.paasta.model.WireEnum;
import java.time.Duration;
import java.util.Locale;

/** How local-run describes a health check and its verdict, in one line each. Pure. */
public final class HealthcheckText {
  private HealthcheckText() {}

  /** What one check does, e.g. {@code GET http://127.0.0.1:31000/status}. */
  public static String probe(Healthcheck check, int port) {
    return switch (check.mode()) {
      case HTTP, HTTPS -> "GET " + url(check, port);
      case TCP -> "a TCP connect to 127.0.0.1:" + port;
      case CMD -> "`" + check.cmd().orElse("") + "` in the container";
      case NONE -> "no check";
    };
  }

  /** The URL an http(s) check asks. */
  public static String url(Healthcheck check, int port) {
    String uri = check.uri().startsWith("/") ? check.uri() : "/" + check.uri();
    return WireEnum.wireName(check.mode()) + "://127.0.0.1:" + port + uri;
  }

  /**
   * The check with its timing, e.g. {@code GET ... every 2 s (timeout 1 s, grace 5 s, 3 failures)}.
   */
  public static String describe(Healthcheck check, int port) {
    return probe(check, port)
        + " every "
        + seconds(check.intervalSeconds())
        + " (timeout "
        + seconds(check.timeoutSeconds())
        + ", grace period "
        + seconds(check.gracePeriodSeconds())
        + ", "
        + check.maxConsecutiveFailures()
        + " failure"
        + (check.maxConsecutiveFailures() == 1 ? "" : "s")
        + " in a row fail it)";
  }

  /** The verdict as one line, starting with ✓ or ✗. */
  public static String verdict(HealthVerdict verdict, Healthcheck check, int port) {
    String after = " after " + elapsed(verdict.elapsed());
    return switch (verdict.outcome()) {
      case PASSED ->
          "\u2713 health check passed"
              + after
              + ": "
              + probe(check, port)
              + " ("
              + checks(verdict.checks())
              + ")";
      case FAILED ->
          "\u2717 health check failed"
              + after
              + ": "
              + probe(check, port)
              + " failed "
              + verdict.consecutiveFailures()
              + " time"
              + (verdict.consecutiveFailures() == 1 ? "" : "s")
              + " in a row after the grace period of "
              + seconds(check.gracePeriodSeconds())
              + " - the cluster would kill and replace this task";
      case EXITED ->
          "\u2717 the container stopped"
              + after
              + " before its health check passed ("
              + checks(verdict.checks())
              + ")";
      case NO_CHECK ->
          "\u2713 no health check (healthcheck_mode none): the cluster counts the task healthy"
              + " once it runs";
      case INTERRUPTED -> "\u2717 health check interrupted" + after;
    };
  }

  private static String checks(int count) {
    return count + " check" + (count == 1 ? "" : "s");
  }

  /** 2.0 as {@code 2 s}, 0.5 as {@code 0.5 s}. */
  static String seconds(double seconds) {
    return (seconds == Math.rint(seconds)
            ? Long.toString((long) seconds)
            : Double.toString(seconds))
        + " s";
  }

  static String elapsed(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
