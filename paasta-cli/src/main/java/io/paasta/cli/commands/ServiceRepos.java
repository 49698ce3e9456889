package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.config.soa.LoadedService;
import io.paasta.model.DeployConfig;
import java.util.List;

/** Facts about a service's repository and pipeline that several deploy commands check. */
final class ServiceRepos {
  private ServiceRepos() {}

  /** The URL given with -u, else service.yaml's git_url. */
  static String gitUrl(String given, LoadedService service) {
    if (given != null) {
      return given;
    }
    return service
        .service()
        .config()
        .gitUrl()
        .orElseThrow(
            () ->
                new UserException(
                    service.service().name()
                        + "/service.yaml has no git_url - pass the repository with -u URL or set"
                        + " git_url"));
  }

  /** Refuses a deploy group that the service's deploy.yaml does not name (when there is one). */
  static void requireDeployGroup(LoadedService service, String deployGroup) {
    List<String> groups =
        service.service().deploy().map(DeployConfig::deployGroups).orElse(List.of());
    if (service.service().deploy().isPresent() && !groups.contains(deployGroup)) {
      throw new UserException(
          "deploy group '"
              + deployGroup
              + "' is not a step of "
              + service.service().name()
              + "/deploy.yaml - expected one of: "
              + String.join(", ", groups));
    }
  }
}
