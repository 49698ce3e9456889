package io.paasta.cli.commands;

import io.paasta.cli.localrun.LocalRunSystem;
import io.paasta.cli.output.Output;
import io.paasta.cli.render.RenderTarget;
import io.paasta.cli.render.ServiceRendering;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.SystemConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paasta render}: the Kubernetes objects a service's instances become in a cluster, as YAML
 * documents (or a JSON List), with no cluster needed: for review, or for GitOps tools.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the Kubernetes objects the service's long-running instances and jobs become in a",
      "cluster (Namespace, Deployment, PodDisruptionBudget, HorizontalPodAutoscaler, Service,",
      "CronJob or the Job template) as YAML documents. Reads soa-configs and the system config",
      "only: no cluster is contacted. Exits 1 when an instance cannot be rendered."
    })
public final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin ServiceOption service;

  @Option(
      names = {"-c", "--cluster", "--clusters"},
      paramLabel = "CLUSTER",
      required = true,
      description = "The cluster to render for (its kubernetes_clusters entry, if any).")
  String cluster;

  @Option(
      names = {"-i", "--instances"},
      paramLabel = "INSTANCES",
      description = "Comma-separated instances or jobs (default: all of the cluster's).")
  String instances;

  @Option(
      names = "--git-sha",
      paramLabel = "SHA",
      description =
          "Render instances whose deploy group is not in deployments.json as if this full git sha"
              + " were deployed.")
  String gitSha;

  @Option(
      names = "--system-config-dir",
      paramLabel = "DIR",
      description = "The system config (default: $PAASTA_SYSTEM_CONFIG_DIR, else /etc/paasta).")
  Path systemConfigDir;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    SoaConfigsLoader loader = soaDir.open();
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
    if (loaded.hasErrors()) {
      err.println(
          "note: "
              + loaded.service().name()
              + " has config problems (paasta validate -s "
              + loaded.service().name()
              + " lists them); instances they affect may be missing");
    }
    Path dir = systemConfigDir != null ? systemConfigDir : SystemConfigLoader.defaultDir();
    SystemConfig system = LocalRunSystem.load(dir, err::println);
    KubernetesCluster target =
        RenderTarget.cluster(
            cluster.trim(),
            system,
            dir + "/*.json",
            loaded.service().config().dockerRegistry(),
            err::println);
    ServiceRendering rendering =
        ServiceRendering.of(
            loaded.service(),
            system,
            target,
            InstanceTargets.split(instances),
            Optional.ofNullable(gitSha).map(String::trim));
    Output out = new Output(spec.commandLine());
    if (rendering.rendered().size() > 0) {
      String text = json.enabled() ? rendering.rendered().json() : rendering.rendered().yaml();
      out.line(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    }
    out.flush();
    rendering.problems().forEach(problem -> err.println("error: " + problem));
    err.flush();
    return rendering.problems().isEmpty() ? 0 : 1;
  }
}
