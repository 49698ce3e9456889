package io.paasta.monitoring.alert;

/** What an evaluation sends, when it sends anything. */
public enum Transition {
  /** A failure to alert (the first alert, or a re-alert). */
  ALERT,
  /** The check is OK again after an alerted failure. */
  RESOLVE
}
