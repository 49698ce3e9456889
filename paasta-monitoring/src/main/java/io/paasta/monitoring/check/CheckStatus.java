package io.paasta.monitoring.check;

/** The status of a check result, with the exit codes Sensu and Nagios use. */
public enum CheckStatus {
  OK(0),
  WARNING(1),
  CRITICAL(2),
  UNKNOWN(3);

  private final int code;

  CheckStatus(int code) {
    this.code = code;
  }

  /** 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. */
  public int code() {
    return code;
  }

  /** Anything but OK is a failure, as Sensu counts it. */
  public boolean failing() {
    return this != OK;
  }
}
