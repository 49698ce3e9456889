package io.paasta.monitoring.send;

import io.paasta.monitoring.alert.Event;
import io.paasta.monitoring.alert.Transition;

/**
 * Writes each event as one line of the daemon's log: alerts as warnings, resolutions as info, e.g.
 * {@code ALERT CRITICAL check_marathon_services_replication.web.main (team web, page): Service
 * web.main has 1 out of 3 expected instances available (threshold: 50%)}.
 */
public final class LogSender implements EventSender {
  private final MonitoringLog log;

  public LogSender(MonitoringLog log) {
    this.log = log;
  }

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void send(Event event) {
    String line =
        event.transition()
            + " "
            + event.status()
            + " "
            + event.name()
            + " (team "
            + event.team()
            + (event.page() ? ", page" : "")
            + (event.ticket() ? ", ticket" : "")
            + "): "
            + event.output();
    if (event.transition() == Transition.ALERT) {
      log.warn(line);
    } else {
      log.info(line);
    }
  }
}
