package io.paasta.config.soa;

import io.paasta.config.problem.Problems;
import io.paasta.model.Deployments;
import io.paasta.model.DesiredState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads deployments.json (its v2 part, which v1 duplicates). */
public final class DeploymentsBuilder {
  private DeploymentsBuilder() {}

  public static Deployments build(Map<?, ?> json, FieldLocator locator, Problems problems) {
    FieldReader v2 = new FieldReader(json, "", List.of(), locator, problems).nested("v2");
    Map<String, Deployments.DeployGroupDeployment> deployments = new LinkedHashMap<>();
    v2.dict("deployments")
        .forEach(
            (group, value) -> {
              FieldReader entry = v2.nested("deployments").nested(group);
              deployments.put(
                  group,
                  new Deployments.DeployGroupDeployment(
                      entry.string("docker_image", ""), entry.string("git_sha", "")));
            });
    Map<String, Deployments.Control> controls = new LinkedHashMap<>();
    v2.dict("controls")
        .forEach(
            (key, value) -> {
              FieldReader entry = v2.nested("controls").nested(key);
              controls.put(
                  key,
                  new Deployments.Control(
                      entry.enumValue("desired_state", DesiredState.class, DesiredState.START),
                      entry.string("force_bounce")));
            });
    return new Deployments(deployments, controls);
  }
}
