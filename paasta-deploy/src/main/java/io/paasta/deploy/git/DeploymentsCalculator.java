package io.paasta.deploy.git;

import io.paasta.deploy.image.DockerImageName;
import io.paasta.model.Deployments;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What deployments.json says for a service (SPEC section 3), from its instances and its
 * repository's tags. Pure: the same inputs give the same document.
 */
public final class DeploymentsCalculator {
  private DeploymentsCalculator() {}

  public static DeploymentsFile calculate(
      String service, List<InstanceConfig> instances, TagIndex tags) {
    Map<String, Deployments.DeployGroupDeployment> deployments = new TreeMap<>();
    Map<String, Deployments.Control> controls = new TreeMap<>();
    Map<String, DeploymentsFile.V1Entry> v1 = new TreeMap<>();
    for (InstanceConfig instance : instances) {
      Optional<PaastaTag.Deploy> deploy = tags.latestDeploy(instance.deployGroup());
      if (deploy.isEmpty()) {
        continue; // not deployed: no deploy tag for its group
      }
      String sha = deploy.get().sha();
      deployments.put(
          instance.deployGroup(),
          new Deployments.DeployGroupDeployment(dockerImage(service, sha), sha));
      InstanceRef ref = instance.ref();
      Optional<PaastaTag.Control> control = tags.control(ref.cluster() + "." + ref.instance(), sha);
      Deployments.Control state =
          control
              .map(c -> new Deployments.Control(c.state(), Optional.of(c.timestamp())))
              .orElse(Deployments.Control.DEFAULT);
      controls.put(Deployments.controlKey(service, ref.cluster(), ref.instance()), state);
      v1.put(
          service + ":paasta-" + ref.cluster() + "." + ref.instance(),
          new DeploymentsFile.V1Entry(dockerImage(service, sha), state));
    }
    return new DeploymentsFile(v1, new Deployments(deployments, controls));
  }

  /** {@code services-<svc>:paasta-<sha>}, the registry-less image name of deployments.json. */
  static String dockerImage(String service, String sha) {
    return new DockerImageName("", service, sha).withoutRegistry();
  }
}
