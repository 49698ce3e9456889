package io.paasta.cli.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Small soa-configs and system config trees for the commands that talk to the clusters' APIs. */
public final class ApiTrees {
  private ApiTrees() {}

  /**
   * A system config directory whose {@code api_endpoints} are {@code endpoints}.
   *
   * @return the directory
   */
  public static Path systemConfig(Path dir, Map<String, String> endpoints) throws IOException {
    Files.createDirectories(dir);
    String map =
        endpoints.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
            .collect(Collectors.joining(", "));
    Files.writeString(
        dir.resolve("00-cluster.json"),
        "{\"cluster\": \"local\", \"docker_registry\": \"127.0.0.1:5000\", \"api_endpoints\": {"
            + map
            + "}}");
    return dir;
  }

  /**
   * A soa-configs tree with service {@code hello-web}: {@code main} and {@code canary} in cluster
   * local (deploy group local.everything), {@code main} in cluster prod (prod.main), and a batch
   * job in local that status and waits leave alone.
   *
   * @return the soa-configs directory
   */
  public static Path soaConfigs(Path soa, String gitUrl) throws IOException {
    Path service = Files.createDirectories(soa.resolve("hello-web"));
    Files.writeString(
        service.resolve("service.yaml"),
        (gitUrl == null ? "" : "git_url: " + gitUrl + "\n") + "description: test\n");
    Files.writeString(
        service.resolve("marathon-local.yaml"),
        "main:\n  deploy_group: local.everything\n  instances: 3\n"
            + "canary:\n  deploy_group: local.everything\n");
    Files.writeString(
        service.resolve("marathon-prod.yaml"),
        "main:\n  deploy_group: prod.main\n  instances: 3\n");
    Files.writeString(
        service.resolve("chronos-local.yaml"),
        "nightly:\n  schedule: R/2026-01-01T00:00:00Z/PT24H\n  cmd: echo hi\n"
            + "  deploy_group: local.everything\n");
    Files.writeString(
        service.resolve("deploy.yaml"),
        "pipeline:\n- step: local.everything\n- step: prod.main\n- step: staging.later\n");
    return soa;
  }

  /**
   * A soa-configs tree of jobs in cluster local: {@code batch-reports} with {@code nightly} (a
   * schedule, time variables in its cmd), {@code summarize} (parent nightly), {@code heartbeat} (no
   * time variables, no parents or children), {@code old} (disabled) and a long-running {@code web};
   * {@code reports-mail} with {@code send} and the disabled {@code archive} (parent
   * batch-reports.summarize, another service).
   *
   * @return the soa-configs directory
   */
  public static Path jobs(Path soa) throws IOException {
    Path batch = Files.createDirectories(soa.resolve("batch-reports"));
    Files.writeString(batch.resolve("service.yaml"), "description: test\n");
    Files.writeString(
        batch.resolve("chronos-local.yaml"),
        "nightly:\n  schedule: R/2026-01-01T00:00:00Z/PT24H\n"
            + "  cmd: echo building report for %(shortdate)s\n  deploy_group: local.everything\n"
            + "summarize:\n  parents: [batch-reports.nightly]\n  cmd: echo summarizing %(year)s\n"
            + "  deploy_group: local.everything\n"
            + "heartbeat:\n  schedule: '*/5 * * * *'\n  cmd: echo 100%% alive\n"
            + "  deploy_group: local.everything\n"
            + "old:\n  schedule: '0 3 * * *'\n  cmd: echo old\n  disabled: true\n"
            + "  deploy_group: local.everything\n");
    Files.writeString(
        batch.resolve("marathon-local.yaml"), "web:\n  deploy_group: local.everything\n");
    Path mail = Files.createDirectories(soa.resolve("reports-mail"));
    Files.writeString(mail.resolve("service.yaml"), "description: test\n");
    Files.writeString(
        mail.resolve("chronos-local.yaml"),
        "send:\n  parents: [batch-reports.summarize]\n  cmd: echo mail\n"
            + "  deploy_group: local.everything\n"
            + "archive:\n  parents: [batch-reports.summarize]\n  cmd: echo archive\n"
            + "  disabled: true\n  deploy_group: local.everything\n");
    return soa;
  }
}
