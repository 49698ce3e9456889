package io.paasta.cli.check;

import java.util.Objects;

/**
 * One item of {@code paasta check}: what was checked, how it came out, and (unless it passed) one
 * line saying how to fix it.
 *
 * @param check a short stable id, e.g. {@code makefile.itest}
 * @param hint how to fix it; empty when it passed
 */
public record CheckItem(String check, Status status, String message, String hint) {
  /** How an item came out; only FAILED makes {@code paasta check} exit 1. */
  public enum Status {
    PASSED,
    WARNING,
    FAILED
  }

  public CheckItem {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  public static CheckItem passed(String check, String message) {
    return new CheckItem(check, Status.PASSED, message, "");
  }

  public static CheckItem warning(String check, String message, String hint) {
    return new CheckItem(check, Status.WARNING, message, hint);
  }

  public static CheckItem failed(String check, String message, String hint) {
    return new CheckItem(check, Status.FAILED, message, hint);
  }

  public boolean failed() {
    return status == Status.FAILED;
  }
}
