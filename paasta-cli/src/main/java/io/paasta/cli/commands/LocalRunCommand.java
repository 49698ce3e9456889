package io.paasta.cli.commands;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.backend.docker.engine.ContainerNames;
import io.paasta.backend.docker.engine.EngineErrors;
import io.paasta.backend.docker.engine.ImagePullClient;
import io.paasta.backend.docker.health.HealthProbeClient;
import io.paasta.backend.docker.http.LoopbackHttpClient;
import io.paasta.backend.docker.port.PortAllocator;
import io.paasta.cli.UserException;
import io.paasta.cli.localrun.DockerRunCommand;
import io.paasta.cli.localrun.HealthWatch;
import io.paasta.cli.localrun.InteractiveRun;
import io.paasta.cli.localrun.LocalContainer;
import io.paasta.cli.localrun.LocalContainerFactory;
import io.paasta.cli.localrun.LocalEngine;
import io.paasta.cli.localrun.LocalImage;
import io.paasta.cli.localrun.LocalRunRequest;
import io.paasta.cli.localrun.LocalRunSession;
import io.paasta.cli.localrun.LocalRunSystem;
import io.paasta.cli.localrun.LocalRunTarget;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.deploy.DeployException;
import io.paasta.deploy.image.DockerClients;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.image.ImageBuilder;
import io.paasta.deploy.image.MakeClient;
import io.paasta.deploy.image.RepoHeadReader;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.SystemConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.backend.BackendException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
          + " adopting it (paasta_local_run, never paasta_managed)."
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
      defaultValue = "main",
      description = "The instance (default: ${DEFAULT-VALUE}).")
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
    SoaConfigsLoader loader = soaDir.open();
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
    SystemConfig system =
        LocalRunSystem.load(
            systemConfigDir != null ? systemConfigDir : SystemConfigLoader.defaultDir(),
            err::println);
    String clusterName = LocalRunSystem.cluster(cluster, system, loaded.service().clusters());
    LongRunningConfig config = LocalRunTarget.resolve(loaded, clusterName, instance);
    try {
      if (request.mode() == LocalRunRequest.Mode.DRY_RUN) {
        return printDockerRun(request, loaded, system, config, out, err);
      }
      DockerClient docker = DockerClients.fromEnvironment().connect();
      try {
        LocalEngine engine = new LocalEngine(docker, STOP_TIMEOUT);
        LocalImage image = prepareImage(request, loaded, system, config, docker, out);
        LocalContainer container =
            container(request, loaded, system, config, image, engine.heldPorts());
        return run(request, container, engine, docker, out, err);
      } finally {
        closeQuietly(docker);
      }
    } catch (BackendException e) {
      throw new UserException(e.getMessage());
    } catch (DockerException e) {
      throw new UserException(
          "the Docker engine refused: " + EngineErrors.engineMessage(e) + " - see its log");
    }
  }

  private int run(
      LocalRunRequest request,
      LocalContainer container,
      LocalEngine engine,
      DockerClient docker,
      Output out,
      PrintWriter err)
      throws InterruptedException {
    if (request.mode() == LocalRunRequest.Mode.INTERACTIVE) {
      return new InteractiveRun(engine, out::line).run(container, System.console() != null);
    }
    HealthWatch watch =
        new HealthWatch(
            new HealthProbeClient(docker, new LoopbackHttpClient()),
            Clock.systemUTC(),
            duration -> Thread.sleep(duration.toMillis()));
    LocalRunSession session = new LocalRunSession(engine, watch, new Lines(out, err));
    return request.mode() == LocalRunRequest.Mode.HEALTHCHECK_ONLY
        ? session.healthcheckOnly(container)
        : session.foreground(container);
  }

  private int printDockerRun(
      LocalRunRequest request,
      LoadedService loaded,
      SystemConfig system,
      LongRunningConfig config,
      Output out,
      PrintWriter err) {
    LocalImage image;
    if (request.imageSource() == LocalRunRequest.ImageSource.BUILD) {
      Path dir = ImageTargets.repoDir(repoDir);
      image = LocalImage.built(config, LocalImage.buildName(loaded.service(), system, head(dir)));
      err.println("# local-run builds " + image.image() + " from " + dir + " first");
    } else {
      image = LocalImage.deployed(config, loaded.service(), system);
    }
    Set<Integer> held = Set.of();
    try {
      DockerClient docker = DockerClients.fromEnvironment().connect();
      try {
        held = new LocalEngine(docker, STOP_TIMEOUT).heldPorts();
      } finally {
        closeQuietly(docker);
      }
    } catch (DeployException e) {
      err.println("# the Docker engine does not answer: the port ignores the ports tasks hold");
    }
    LocalContainer container = container(request, loaded, system, config, image, held);
    out.line(
        DockerRunCommand.multiLine(container.spec(), request.interactive(), request.interactive()));
    return 0;
  }

  private LocalImage prepareImage(
      LocalRunRequest request,
      LoadedService loaded,
      SystemConfig system,
      LongRunningConfig config,
      DockerClient docker,
      Output out) {
    if (request.imageSource() == LocalRunRequest.ImageSource.PULL) {
      LocalImage image = LocalImage.deployed(config, loaded.service(), system);
      out.line("==> pulling " + image.image() + " (deployed for " + config.deployGroup() + ")");
      boolean pulled = new ImagePullClient(docker, PULL_TIMEOUT).ensurePresent(image.image());
      out.line(pulled ? "==> pulled " + image.image() : "==> the engine has it already");
      return image;
    }
    Path dir = ImageTargets.repoDir(repoDir);
    ImageBuilder.methodFor(dir);
    DockerImageName name = LocalImage.buildName(loaded.service(), system, head(dir));
    new ImageBuilder(docker, new MakeClient(), out::line).build(dir, name);
    return LocalImage.built(config, name);
  }

  private static LocalContainer container(
      LocalRunRequest request,
      LoadedService loaded,
      SystemConfig system,
      LongRunningConfig config,
      LocalImage image,
      Set<Integer> held) {
    DesiredInstance desired =
        LocalContainerFactory.desired(
            config, loaded.service().config(), system, image.deployments());
    PortAllocator ports =
        new PortAllocator(
            DockerBackendConfig.defaults(config.ref().cluster()).ports(), Clock.systemUTC());
    List<Integer> taskPorts = ports.allocate(LocalContainerFactory.portCount(desired.run()), held);
    String name = "local-run-" + new ContainerNames(new SecureRandom()).next(desired.appId());
    return LocalContainerFactory.container(
        desired, request.cmd(), request.healthcheck(), taskPorts, name);
  }

  private static void closeQuietly(DockerClient docker) {
    try {
      docker.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  /** HEAD of the checkout, which names the image as cook-image names it. */
  private static String head(Path dir) {
    try {
      return RepoHeadReader.headSha(dir);
    } catch (DeployException e) {
      throw new UserException(
          "--build tags the image with the checkout's HEAD, as cook-image does, but "
              + e.getMessage().replaceFirst(" - pass -c SHA.*$", "")
              + " - run local-run in the service's git checkout (or pass --repo-dir), or use"
              + " --pull");
    }
  }

  /** The session's lines: progress and stdout to stdout, the container's stderr to stderr. */
  private record Lines(Output out, PrintWriter err) implements LocalRunSession.Reporter {
    @Override
    public void progress(String line) {
      out.line(line);
      out.flush();
    }

    @Override
    public void verdict(boolean passed, String line) {
      out.styled("@|" + (passed ? "green" : "red,bold") + " " + Output.escape(line) + "|@");
      out.flush();
    }

    @Override
    public void stdout(String line) {
      out.line(line);
      out.flush();
    }

    @Override
    public void stderr(String line) {
      err.println(line);
      err.flush();
    }
  }
}
