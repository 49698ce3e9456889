package io.paasta.deploy.git;

import io.paasta.model.Deployments;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The exact v1 + v2 document of deployments.json (SPEC section 3), keys sorted. */
public final class DeploymentsJson {
  private DeploymentsJson() {}

  public static Map<String, Object> document(DeploymentsFile file) {
    Map<String, Object> v1 = new TreeMap<>();
    file.v1()
        .forEach(
            (key, entry) -> {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("docker_image", entry.dockerImage());
              putControl(json, entry.control());
              v1.put(key, json);
            });
    Map<String, Object> deployments = new TreeMap<>();
    file.v2()
        .deployments()
        .forEach(
            (group, deployment) -> {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("docker_image", deployment.dockerImage());
              json.put("git_sha", deployment.gitSha());
              deployments.put(group, json);
            });
    Map<String, Object> controls = new TreeMap<>();
    file.v2()
        .controls()
        .forEach(
            (key, control) -> {
              Map<String, Object> json = new LinkedHashMap<>();
              putControl(json, control);
              controls.put(key, json);
            });
    Map<String, Object> v2 = new LinkedHashMap<>();
    v2.put("deployments", deployments);
    v2.put("controls", controls);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("v1", v1);
    document.put("v2", v2);
    return document;
  }

  private static void putControl(Map<String, Object> json, Deployments.Control control) {
    json.put("desired_state", control.desiredState().name().toLowerCase(Locale.ROOT));
    json.put("force_bounce", control.forceBounce().orElse(null));
  }
}
