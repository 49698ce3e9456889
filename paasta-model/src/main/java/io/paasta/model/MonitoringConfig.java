package io.paasta.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is alerted and how, after the precedence of SPEC section 1: the instance's {@code
 * monitoring:} dict, then monitoring.yaml, then service.yaml's {@code monitoring:}, then
 * service.yaml's top-level keys, then the defaults.
 */
public record MonitoringConfig(
    Optional<String> team,
    Optional<String> notificationEmail,
    boolean page,
    Optional<String> runbook,
    Optional<String> tip,
    boolean ticket,
    Optional<String> project,
    List<String> ircChannels,
    List<String> slackChannels,
    Optional<String> alertAfter,
    Optional<String> realertEvery,
    Optional<String> checkEvery,
    Optional<String> priority,
    List<String> tags,
    Map<String, Object> extra) {

  /** The keys this record names; any other monitoring key lands in {@link #extra}. */
  public static final List<String> KEYS =
      List.of(
          "team",
          "notification_email",
          "page",
          "runbook",
          "tip",
          "ticket",
          "project",
          "irc_channels",
          "slack_channels",
          "alert_after",
          "realert_every",
          "check_every",
          "priority",
          "tags");

  public MonitoringConfig {
    ircChannels = List.copyOf(ircChannels);
    slackChannels = List.copyOf(slackChannels);
    tags = List.copyOf(tags);
    extra = Immutables.deepCopy(extra);
  }

  /** No team means no alert is ever sent. */
  public boolean alertsEnabled() {
    return team.isPresent();
  }
}
