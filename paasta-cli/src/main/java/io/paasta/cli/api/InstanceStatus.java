package io.paasta.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code GET /v1/services/{s}/{i}/status}, read tolerantly.
 *
 * @param gitSha the sha the instance's deploy group is marked for; empty when never deployed
 * @param desiredState {@code start} or {@code stop}; empty when never deployed
 * @param app the marathon or kubernetes section, when the API sent one
 * @param smartstack the SmartStack section; empty when the instance is not in SmartStack
 * @param chronos the job section of a scheduled job; empty for a long-running instance
 */
public record InstanceStatus(
    String service,
    String instance,
    String cluster,
    Optional<String> gitSha,
    Optional<String> desiredState,
    Optional<AppStatus> app,
    Optional<List<SmartstackLocation>> smartstack,
    List<CheckResult> checks,
    Optional<ChronosStatus> chronos,
    Optional<AutoscalingStatus> autoscaling) {

  public InstanceStatus {
    smartstack = smartstack.map(List::copyOf);
    checks = List.copyOf(checks);
  }

  public static InstanceStatus from(JsonNode json) {
    Optional<AppStatus> app =
        JsonFields.object(json, "marathon")
            .map(section -> AppStatus.from("marathon", section))
            .or(
                () ->
                    JsonFields.object(json, "kubernetes")
                        .map(section -> AppStatus.from("kubernetes", section)));
    Optional<List<SmartstackLocation>> smartstack =
        JsonFields.object(json, "smartstack")
            .map(
                section ->
                    JsonFields.array(section, "locations").stream()
                        .map(SmartstackLocation::from)
                        .toList());
    return new InstanceStatus(
        JsonFields.text(json, "service", ""),
        JsonFields.text(json, "instance", ""),
        JsonFields.text(json, "cluster", ""),
        JsonFields.text(json, "git_sha").filter(s -> !s.isBlank()),
        JsonFields.text(json, "desired_state").or(() -> app.flatMap(AppStatus::desiredState)),
        app,
        smartstack,
        JsonFields.array(json, "checks").stream().map(CheckResult::from).toList(),
        JsonFields.object(json, "chronos").map(ChronosStatus::from),
        JsonFields.object(json, "autoscaling").map(AutoscalingStatus::from));
  }

  public boolean deployed() {
    return gitSha.isPresent();
  }

  /** Desired state {@code stop}. */
  public boolean stopped() {
    return desiredState.filter("stop"::equals).isPresent();
  }
}
