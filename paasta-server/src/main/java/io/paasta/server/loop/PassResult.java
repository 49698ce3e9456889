package io.paasta.server.loop;

import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Plan;
import java.time.Instant;
import java.util.Optional;

/**
 * One finished pass of one instance.
 *
 * @param config the instance in soa-configs (empty when gone from them)
 * @param desired its desired app (empty when gone, or not deployed yet)
 * @param observed the tasks as observed for the last plan of the pass
 * @param error the error an action of the pass met
 * @param summary the pass's one-line status ("not deployed", "steady", "bouncing ...")
 */
public record PassResult(
    InstanceRef ref,
    Optional<LongRunningConfig> config,
    Optional<DesiredInstance> desired,
    ObservedInstance observed,
    Plan plan,
    Optional<String> error,
    String summary,
    Instant at) {}
