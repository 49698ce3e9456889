package io.paasta.monitoring.check;

import java.util.Objects;

/**
 * One evaluation of one check for one instance or job.
 *
 * @param name the check's name as PaaSTA wrote it, e.g. {@code
 *     check_marathon_services_replication.web.main}
 * @param kind which check produced it
 * @param output a human-readable line with the numbers behind the status
 */
public record CheckResult(String name, CheckKind kind, CheckStatus status, String output) {
  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(output, "output");
  }
}
