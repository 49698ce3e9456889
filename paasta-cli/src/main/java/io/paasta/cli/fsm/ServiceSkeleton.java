package io.paasta.cli.fsm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The soa-configs {@code paasta fsm} writes for a new service (SPEC section 16), as file name to
 * text. Pure.
 *
 * @param externalLink service.yaml's external_link (today's schema requires one)
 * @param gitUrl service.yaml's git_url, when known
 * @param servesHttpd whether the image is fsm's repository skeleton (busybox httpd serving /www):
 *     the instances then get its cmd and HTTP health check
 */
public record ServiceSkeleton(
    String service,
    String team,
    String description,
    String externalLink,
    int proxyPort,
    List<String> clusters,
    Optional<String> gitUrl,
    boolean servesHttpd) {

  public ServiceSkeleton {
    clusters = List.copyOf(clusters);
  }

  /** File name (in the service's folder) to its text, in the order they are written. */
  public Map<String, String> soaFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("service.yaml", serviceYaml());
    files.put("monitoring.yaml", "team: " + quoted(team) + "\npage: true\n");
    files.put(
        "smartstack.yaml",
        "main:\n  proxy_port: "
            + proxyPort
            + "\n"
            + (servesHttpd ? "  mode: http\n  healthcheck_uri: /status\n" : ""));
    for (String cluster : clusters) {
      files.put("marathon-" + cluster + ".yaml", marathon(cluster));
    }
    files.put("deploy.yaml", deployYaml());
    return files;
  }

  private String serviceYaml() {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Written by paasta fsm. Keys here are defaults for every instance of ")
        .append(service)
        .append(".\n");
    yaml.append("description: ").append(quoted(description)).append('\n');
    yaml.append("external_link: ").append(quoted(externalLink)).append('\n');
    gitUrl.ifPresent(url -> yaml.append("git_url: ").append(quoted(url)).append('\n'));
    yaml.append("net: host\n");
    return yaml.toString();
  }

  private String marathon(String cluster) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Long-running instances of ")
        .append(service)
        .append(" on cluster ")
        .append(cluster)
        .append(" (deploy groups ")
        .append(cluster)
        .append(".main and ")
        .append(cluster)
        .append(".canary).\n");
    yaml.append("_base: &base\n  cpus: 0.1\n  mem: 64\n  disk: 128\n");
    if (servesHttpd) {
      yaml.append("  cmd: \"httpd -f -p ${PAASTA_POD_IP:-127.0.0.1}:$PORT0 -h /www\"\n")
          .append("  healthcheck_mode: http\n  healthcheck_uri: /status\n");
    } else {
      yaml.append("  # the task must listen on $PORT0 (host networking): set cmd for your image\n");
    }
    yaml.append("\nmain:\n  <<: *base\n  instances: 3\n");
    yaml.append("\ncanary:\n  <<: *base\n  instances: 1\n  registrations:\n    - ")
        .append(service)
        .append(".main\n");
    return yaml.toString();
  }

  private String deployYaml() {
    StringBuilder yaml =
        new StringBuilder("pipeline:\n  - step: itest\n  - step: push-to-registry\n");
    for (int i = 0; i < clusters.size(); i++) {
      String cluster = clusters.get(i);
      yaml.append("  - step: ").append(cluster).append(".canary\n");
      yaml.append("  - step: ").append(cluster).append(".main\n");
      if (i < clusters.size() - 1) {
        // a person goes on to the next cluster (`paasta pipeline run --from`): a run on one
        // cluster's host ends there instead of waiting for a cluster it does not run
        yaml.append("    trigger_next_step_manually: true\n");
      }
    }
    return yaml.toString();
  }

  /** A YAML double-quoted scalar. */
  static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
