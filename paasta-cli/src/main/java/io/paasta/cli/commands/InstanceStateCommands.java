package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.deploy.git.DeployTagger;
import io.paasta.deploy.git.PaastaTag;
import io.paasta.model.DesiredState;
import io.paasta.model.InstanceConfig;
import io.paasta.model.JobConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta start|stop|restart}: control tags on the deployed sha of instances. */
public final class InstanceStateCommands {
  private InstanceStateCommands() {}

  /** The options and the work shared by the three commands. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SoaDirOption soaDir;

    @Mixin GitOptions gitOptions;

    @Mixin ServiceOption service;

    @Option(
        names = {"-c", "--clusters"},
        paramLabel = "CLUSTERS",
        required = true,
        description = "Comma-separated clusters.")
    String clusters;

    @Option(
        names = {"-i", "--instances"},
        paramLabel = "INSTANCES",
        required = true,
        description = "Comma-separated instances.")
    String instances;

    @Option(
        names = {"-u", "--git-url"},
        paramLabel = "URL",
        description = "The service's repository (default: service.yaml git_url).")
    String gitUrl;

    abstract DesiredState state();

    abstract String verb();

    @Override
    public Integer call() {
      SoaConfigsLoader loader = soaDir.open();
      LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
      List<InstanceConfig> targets = targets(loaded);
      String url = ServiceRepos.gitUrl(gitUrl, loaded);
      DeployTagger tagger = gitOptions.tagger();
      Output out = new Output(spec.commandLine());
      for (InstanceConfig instance : targets) {
        String clusterInstance = instance.ref().cluster() + "." + instance.ref().instance();
        PaastaTag.Control tag =
            tagger.setDesiredState(url, clusterInstance, instance.deployGroup(), state());
        out.styled(
            "@|green "
                + verb()
                + "|@ "
                + loaded.service().name()
                + "."
                + instance.ref().instance()
                + " in "
                + instance.ref().cluster()
                + " (tag "
                + tag.name()
                + " on "
                + tag.sha().substring(0, 8)
                + "); the cluster acts on it once deployments.json is regenerated");
        if (instance instanceof JobConfig job) {
          out.styled("  " + Output.escape(jobEffect(job)));
        }
        io.paasta.cli.logs.CliLogLines.of(
                io.paasta.config.system.SystemConfigLoader.defaultDir(),
                spec.commandLine().getErr())
            .send(
                loaded.service().name(),
                List.of(instance.ref().cluster()),
                io.paasta.config.logs.LogComponents.DEPLOY,
                true,
                instance.ref().instance(),
                verb() + ": " + state() + " asked by " + io.paasta.cli.logs.CliLogLines.who());
      }
      return 0;
    }

    /** What the new desired state means for a scheduled job. */
    abstract String jobEffect(JobConfig job);

    static String disabledNote(JobConfig job) {
      return job.disabled()
          ? " - but disabled: true in "
              + job.ref().kind().fileName(job.ref().cluster())
              + " keeps it from running (a start cannot enable it)"
          : "";
    }

    /** Every requested cluster.instance, each of which must exist. */
    private List<InstanceConfig> targets(LoadedService loaded) {
      List<InstanceConfig> targets = new ArrayList<>();
      for (String cluster : InstanceTargets.split(clusters)) {
        for (String instance : InstanceTargets.split(instances)) {
          targets.add(InstanceTargets.require(loaded, cluster, instance));
        }
      }
      return targets;
    }
  }

  /** {@code paasta start}. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description =
          "Starts instances (a scheduled job: runs on its schedule again): a start tag on the sha"
              + " their deploy group runs.")
  public static final class Start extends Base {
    @Override
    DesiredState state() {
      return DesiredState.START;
    }

    @Override
    String verb() {
      return "started";
    }

    @Override
    String jobEffect(JobConfig job) {
      return "the job runs on its schedule again" + disabledNote(job);
    }
  }

  /** {@code paasta stop}. */
  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description =
          "Stops instances (a scheduled job: no more runs, its running run is killed): a stop tag"
              + " on the sha their deploy group runs.")
  public static final class Stop extends Base {
    @Override
    DesiredState state() {
      return DesiredState.STOP;
    }

    @Override
    String verb() {
      return "stopped";
    }

    @Override
    String jobEffect(JobConfig job) {
      return "the job will not run and its running run is killed (paasta start resumes it)";
    }
  }

  /** {@code paasta restart}: a new start tag, whose timestamp forces a bounce. */
  @Command(
      name = "restart",
      mixinStandardHelpOptions = true,
      description = "Restarts instances: a new start tag, whose timestamp becomes force_bounce.")
  public static final class Restart extends Base {
    @Override
    DesiredState state() {
      return DesiredState.START;
    }

    @Override
    String verb() {
      return "restarted";
    }

    @Override
    String jobEffect(JobConfig job) {
      return "the job runs on its schedule, its next runs with a new config hash (a running run"
          + " finishes with the config it started with)"
          + disabledNote(job);
    }
  }
}
