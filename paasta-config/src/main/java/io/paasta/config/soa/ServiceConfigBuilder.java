package io.paasta.config.soa;

import io.paasta.config.problem.Problems;
import io.paasta.model.ServiceConfig;
import java.util.List;
import java.util.Map;

/** Reads service.yaml's service-wide facts; every key stays available as an instance default. */
public final class ServiceConfigBuilder {
  private ServiceConfigBuilder() {}

  public static ServiceConfig build(
      String service, Map<?, ?> dict, FieldLocator locator, Problems problems) {
    FieldReader fields = new FieldReader(dict, "", List.of(), locator, problems);
    return new ServiceConfig(
        service,
        fields.string("git_url"),
        fields.string("description"),
        fields.string("external_link"),
        fields.string("docker_registry"),
        ConfigMerge.deepMerge(Map.of(), dict));
  }
}
