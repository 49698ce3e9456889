package io.paasta.cli.commands;

import io.paasta.backend.docker.localrun.SingleTaskRunner;
import io.paasta.cli.UserException;
import io.paasta.cli.localrun.DockerRunText;
import io.paasta.cli.localrun.HealthWatch;
import io.paasta.cli.localrun.InteractiveRun;
import io.paasta.cli.localrun.JobExecution;
import io.paasta.cli.localrun.LocalContainer;
import io.paasta.cli.localrun.LocalImage;
import io.paasta.cli.localrun.LocalRunRequest;
import io.paasta.cli.localrun.LocalRunSession;
import io.paasta.cli.localrun.LocalRunSetup;
import io.paasta.cli.localrun.LocalRunSystem;
import io.paasta.cli.localrun.LocalRunTarget;
import io.paasta.cli.localrun.LocalSecrets;
import io.paasta.cli.output.Output;
import io.paasta.config.secrets.SecretEnvResolver;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.engine.EngineErrors;
import io.paasta.model.JobConfig;
import io.paasta.model.SystemConfig;
import io.paasta.planning.backend.BackendException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta local-run}: one task of an instance on this machine, as the cluster runs it. */
@Command(
    name = "local-run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs an instance on this machine's Docker engine exactly as the cluster's daemon runs a"
          + " task of it: its image, env (PAASTA_*, MARATHON_*, PORT0/PORT/MARATHON_PORT), host"
          + " networking on a port of the task range, limits, volumes and docker flags, and its"
          + " health check with its grace period, interval, timeout and failure count.",
      "The image is built from the service's checkout first (as paasta cook-image builds it),"
          + " or with --pull the image deployments.json names is pulled. The container runs in"
          + " the foreground; Ctrl-C stops and removes it. Its labels keep any daemon from"
          + " adopting it (paasta_local_run, never paasta_managed).",
      "A scheduled job (chronos-*.yaml) runs one attempt, as the daemon runs a run of it: its"
          + " cmd through sh -c with the time variables (%%(shortdate)s...) of the execution date"
          + " --date filled in, no health check; local-run exits with the job's exit code. Without"
          + " --date the execution date is now (as PaaSTA's local-run did), and local-run says so."
    })
public final class LocalRunCommand implements Callable<Integer> {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);

  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin ServiceOption service;

  @Option(
      names = {"-c", "--cluster"},
      paramLabel = "CLUSTER",
      description = "The cluster whose config runs (default: local_run_config.default_cluster).")
  String cluster;

  @Option(
      names = {"-i", "--instance"},
      paramLabel = "INSTANCE",
      description =
          "The instance (default: the adhoc instance interactive of adhoc-<cluster>.yaml when"
              + " there is one, else main).")
  String instance;

  @Option(
      names = {"-b", "--build"},
      description = "Build the image from the checkout first, as cook-image does (the default).")
  boolean build;

  @Option(names = "--pull", description = "Pull the deployed image (deployments.json's sha).")
  boolean pull;

  @Option(
      names = "--dry-run",
      description = "Print the equivalent docker run command; run nothing.")
  boolean dryRun;

  @Option(
      names = {"-C", "--cmd"},
      paramLabel = "CMD",
      description = "Run this command (through a shell) instead of the instance's cmd/args.")
  String cmd;

  @Option(
      names = {"-I", "--interactive"},
      description = "Attach this terminal (docker run -it); no health check.")
  boolean interactive;

  @Option(
      names = {"-k", "--no-healthcheck"},
      description = "Do not run the health check.")
  boolean noHealthcheck;

  @Option(
      names = {"-t", "--healthcheck-only"},
      description =
          "Start, wait for the health check's verdict, print it, stop: exit 0 when it passed, 1"
              + " when it failed.")
  boolean healthcheckOnly;

  @Option(
      names = {"--date", "--execution_date"},
      paramLabel = "YYYY-MM-DDTHH:MM:SS",
      description =
          "A scheduled job: the execution date its cmd's time variables are filled for, read in"
              + " the job's schedule_time_zone (default: now).")
  String date;

  @Option(
      names = "--repo-dir",
      paramLabel = "DIR",
      description = "The service's checkout to build (default: the current directory).")
  Path repoDir;

  @Option(
      names = "--system-config-dir",
      paramLabel = "DIR",
      description = "The system config (default: $PAASTA_SYSTEM_CONFIG_DIR, else /etc/paasta).")
  Path systemConfigDir;

  @Override
  public Integer call() throws InterruptedException {
    LocalRunRequest request =
        LocalRunRequest.of(
            new LocalRunRequest.Flags(
                build, pull, dryRun, cmd, interactive, noHealthcheck, healthcheckOnly));
    Output out = new Output(spec.commandLine());
    PrintWriter err = spec.commandLine().getErr();
    LocalRunSetup setup = setup(err);
    String instance = setup.config().ref().instance();
    if (this.instance == null && instance.equals(LocalRunTarget.INTERACTIVE)) {
      out.line(
          "no -i: running the adhoc instance "
              + instance
              + " ("
              + setup.config().ref().service()
              + "/"
              + setup.config().ref().kind().fileName(setup.config().ref().cluster())
              + ")");
    }
    Optional<JobConfig> job =
        LocalRunTarget.job(setup.loaded(), setup.config().ref().cluster(), instance);
    if (job.isEmpty() && date != null) {
      throw new UserException(
          "--date is the execution date of a scheduled job, and "
              + setup.config().ref().service()
              + "."
              + instance
              + " is not one (its file: "
              + setup.config().ref().kind().fileName(setup.config().ref().cluster())
              + ")");
    }
    if (job.isPresent()) {
      JobExecution execution =
          JobExecution.of(job.get(), Optional.ofNullable(date), Clock.systemUTC());
      out.line(execution.describe());
      if (request.cmd().isEmpty() && execution.cmd().isPresent()) {
        request = request.withCmd(execution.cmd().get());
      }
    }
    try {
      if (request.mode() == LocalRunRequest.Mode.DRY_RUN) {
        return printDockerRun(request, setup, out, err);
      }
      try (SingleTaskRunner engine = SingleTaskRunner.connect(STOP_TIMEOUT, PULL_TIMEOUT)) {
        LocalImage image =
            setup.prepareImage(
                request.imageSource(), ImageTargets.repoDir(repoDir), engine, out::line);
        LocalContainer container = setup.container(request, image, engine.heldPorts());
        Map<String, String> secrets = LocalSecrets.of(container, secrets(setup));
        return run(request, container, secrets, engine, new LocalRunLines(out, err));
      }
    } catch (BackendException e) {
      throw new UserException(e.getMessage());
    } catch (RuntimeException e) {
      if (!EngineErrors.engineRefused(e)) {
        throw e;
      }
      throw new UserException(
          "the Docker engine refused: " + EngineErrors.engineMessage(e) + " - see its log");
    }
  }

  /** The service, system config, cluster and instance, each checked. */
  private LocalRunSetup setup(PrintWriter err) {
    SoaConfigsLoader loader = soaDir.open();
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
    SystemConfig system =
        LocalRunSystem.load(
            systemConfigDir != null ? systemConfigDir : SystemConfigLoader.defaultDir(),
            err::println);
    String clusterName = LocalRunSystem.cluster(cluster, system, loaded.service().clusters());
    String name =
        instance != null ? instance : LocalRunTarget.defaultInstance(loaded.service(), clusterName);
    return new LocalRunSetup(loaded, system, LocalRunTarget.resolve(loaded, clusterName, name));
  }

  /** The instance's secrets, decrypted with the ecosystem's private key of this host. */
  private SecretEnvResolver secrets(LocalRunSetup setup) {
    return SecretEnvResolver.local(
        soaDir.path(),
        systemConfigDir != null ? systemConfigDir : SystemConfigLoader.defaultDir(),
        setup.system(),
        setup.config().ref().cluster());
  }

  private int run(
      LocalRunRequest request,
      LocalContainer unresolved,
      Map<String, String> secrets,
      SingleTaskRunner engine,
      LocalRunLines lines)
      throws InterruptedException {
    if (request.mode() == LocalRunRequest.Mode.INTERACTIVE) {
      return new InteractiveRun(engine, lines::progress)
          .run(unresolved, System.console() != null, secrets);
    }
    LocalContainer container = LocalSecrets.withValues(unresolved, secrets);
    HealthWatch watch =
        new HealthWatch(
            engine.healthProbe(), Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    LocalRunSession session = new LocalRunSession(engine, watch, lines);
    return request.mode() == LocalRunRequest.Mode.HEALTHCHECK_ONLY
        ? session.healthcheckOnly(container)
        : session.foreground(container);
  }

  /**
   * Prints the docker run command; the engine, when it answers, only tells which ports tasks hold.
   */
  private int printDockerRun(
      LocalRunRequest request, LocalRunSetup setup, Output out, PrintWriter err) {
    Path dir = ImageTargets.repoDir(repoDir);
    LocalImage image = setup.plannedImage(request.imageSource(), dir);
    if (request.imageSource() == LocalRunRequest.ImageSource.BUILD) {
      err.println("# local-run builds " + image.image() + " from " + dir + " first");
    }
    Set<Integer> held = Set.of();
    try (SingleTaskRunner engine = SingleTaskRunner.connect(STOP_TIMEOUT, PULL_TIMEOUT)) {
      held = engine.heldPorts();
    } catch (BackendException e) {
      err.println("# the Docker engine does not answer: the port ignores the ports tasks hold");
    }
    LocalContainer container = setup.container(request, image, held);
    out.line(
        DockerRunText.multiLine(container.spec(), request.interactive(), request.interactive()));
    return 0;
  }
}
