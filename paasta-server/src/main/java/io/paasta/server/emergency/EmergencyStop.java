package io.paasta.server.emergency;

import io.paasta.model.InstanceRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An emergency stop in force ({@code paasta emergency-stop}): the instance runs no task (a job: no
 * run) until {@code paasta emergency-start}, or until its deployment changes (a newer start, stop
 * or deploy tag: {@code deployment} is what it was when stopped).
 *
 * @param by who asked, as the CLI says it (a local user and host)
 * @param deployment the instance's {@link EmergencyDeployment} when it was stopped
 */
public record EmergencyStop(InstanceRef ref, String by, Instant at, String deployment) {
  /** {@code {"stopped_by", "stopped_at", "lifted_by"}}: what the status document says of it. */
  public Map<String, Object> document() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("stopped_by", by);
    doc.put("stopped_at", at.toString());
    doc.put(
        "lifted_by",
        "paasta emergency-start -s "
            + ref.service()
            + " -i "
            + ref.instance()
            + " -c "
            + ref.cluster()
            + ", or a newer start, stop or deploy tag");
    return doc;
  }
}
