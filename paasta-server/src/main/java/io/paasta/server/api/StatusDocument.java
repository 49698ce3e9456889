package io.paasta.server.api;

import io.paasta.model.Deployments;
import io.paasta.model.DesiredState;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.WireEnum;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.server.status.DeployStatusRule;
import io.paasta.server.status.InstanceStatus;
import io.paasta.server.status.PassBackoff;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code GET /v1/services/{s}/{i}/status}: the instance's deployment (git sha, desired
 * state) and, under {@code marathon} or {@code kubernetes} (the instance's file kind), its app and
 * {@code deploy_status} as {@link DeployStatusRule} decides it, and the backoff of its passes while
 * they fail ({@code pass_backoff}, null otherwise). While an emergency stop is in force the desired
 * state is {@code stop}.
 */
final class StatusDocument {
  private StatusDocument() {}

  /** Everything the document is made of, read by the caller. */
  record Parts(
      InstanceLookup.Found found,
      Optional<DesiredInstance> desired,
      ObservedInstance observed,
      Optional<InstanceStatus> lastPass,
      Optional<PassBackoff> backoff,
      List<String> configProblems,
      Optional<Map<String, Object>> smartstack,
      List<Map<String, Object>> checks,
      Instant now,
      boolean emergencyStopped) {}

  static Map<String, Object> of(Parts parts) {
    LongRunningConfig config = parts.found().config();
    Optional<DesiredState> state = parts.desired().map(d -> desiredState(parts));
    String desiredState = state.map(s -> WireEnum.wireName(s)).orElse(null);
    DeployStatusRule.Verdict verdict =
        DeployStatusRule.evaluate(
            new DeployStatusRule.Input(
                parts.desired().map(DeployStatusRule.Target::of),
                config.deployGroup(),
                state.orElse(DesiredState.START),
                parts.observed().tasks(),
                parts.lastPass(),
                parts.now()));
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("desired_state", desiredState);
    app.put("app_count", verdict.counts().appCount());
    app.put("app_id", parts.desired().map(DesiredInstance::appId).orElse(null));
    app.put("bounce_method", WireEnum.wireName(config.bounceMethod()));
    app.put("deploy_status", verdict.status().wireName());
    app.put("running_instance_count", verdict.counts().running());
    app.put("healthy_instance_count", verdict.counts().healthy());
    app.put("expected_instance_count", parts.desired().map(DesiredInstance::instances).orElse(0));
    app.put("error_message", verdict.errorMessage().orElse(null));
    app.put("config_problems", new ArrayList<>(parts.configProblems()));
    app.put("pass_backoff", parts.backoff().map(b -> backoff(b, parts.now())).orElse(null));

    Map<String, Object> status = new LinkedHashMap<>();
    status.put("service", config.ref().service());
    status.put("instance", config.ref().instance());
    status.put("cluster", config.ref().cluster());
    status.put("git_sha", parts.desired().map(DesiredInstance::gitSha).orElse(null));
    status.put("desired_state", desiredState);
    status.put(config.ref().kind().filePrefix(), app);
    status.put("smartstack", parts.smartstack().orElse(null));
    status.put("checks", parts.checks());
    return status;
  }

  /**
   * {@code {"failures", "last_error", "failed_at", "delay_seconds", "next_try_at",
   * "next_try_in_seconds"}}: the instance's failing passes and when the next one acts.
   */
  private static Map<String, Object> backoff(PassBackoff backoff, Instant now) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("failures", backoff.failures());
    json.put("last_error", backoff.error());
    json.put("failed_at", backoff.failedAt().toString());
    json.put("delay_seconds", backoff.delay().toSeconds());
    json.put("next_try_at", backoff.nextTryAt().toString());
    json.put("next_try_in_seconds", (backoff.remaining(now).toMillis() + 999) / 1000);
    return json;
  }

  private static DesiredState desiredState(Parts parts) {
    if (parts.emergencyStopped()) {
      return DesiredState.STOP;
    }
    var ref = parts.found().ref();
    return parts
        .found()
        .loaded()
        .service()
        .deployments()
        .map(d -> d.controlFor(ref.service(), ref.cluster(), ref.instance()))
        .orElse(Deployments.Control.DEFAULT)
        .desiredState();
  }
}
