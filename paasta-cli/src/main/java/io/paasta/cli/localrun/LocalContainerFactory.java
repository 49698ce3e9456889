package io.paasta.cli.localrun;

import io.paasta.backend.docker.engine.ContainerSpec;
import io.paasta.backend.docker.engine.ContainerSpecFactory;
import io.paasta.model.Deployments;
import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.ServiceConfig;
import io.paasta.model.SystemConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.app.DesiredInstanceFactory;
import io.paasta.planning.app.Labels;
import io.paasta.planning.app.RunSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A local-run container, made by the daemon's own steps: {@link DesiredInstanceFactory} turns the
 * instance config and its deployment into the run spec (image, env, limits, volumes, health check),
 * and {@link ContainerSpecFactory} turns that into the task's container (host networking, port
 * variables, docker flags). Two things differ, both on purpose: {@code -C} replaces the command,
 * and the container is labelled {@value #LOCAL_RUN} instead of {@code paasta_managed}, so that no
 * daemon ever observes, adopts or kills it. Pure.
 */
public final class LocalContainerFactory {
  /** The label ({@code "true"}) of every local-run container; never {@code paasta_managed}. */
  public static final String LOCAL_RUN = Labels.LOCAL_RUN;

  private LocalContainerFactory() {}

  /**
   * What the daemon would run for the instance: its app id and run spec.
   *
   * @param deployments says which image the instance's deploy group runs (the real deployments.json
   *     with --pull; the freshly built image with --build)
   * @throws IllegalArgumentException when {@code deployments} has nothing for the deploy group
   */
  public static DesiredInstance desired(
      LongRunningConfig config,
      ServiceConfig service,
      SystemConfig system,
      Deployments deployments) {
    return DesiredInstanceFactory.create(
            config, Optional.of(deployments), system, service, OptionalInt.empty())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no deployment of deploy group " + config.deployGroup()));
  }

  /**
   * The container of one task of {@code desired}.
   *
   * @param cmd {@code -C}: run by a shell instead of the instance's cmd or args
   * @param healthcheck false turns the health check off (-k, -I)
   * @param ports the task's host ports, port0 first ({@link #portCount} of them)
   * @param name the container's name (also {@code MESOS_TASK_ID})
   */
  public static LocalContainer container(
      DesiredInstance desired,
      Optional<String> cmd,
      boolean healthcheck,
      List<Integer> ports,
      String name) {
    RunSpec run = cmd.map(c -> withCommand(desired.run(), c)).orElse(desired.run());
    ContainerSpec task =
        ContainerSpecFactory.build(desired.ref(), desired.appId(), run, ports, name);
    ContainerSpec local = task.withLabels(localLabels(task.labels()));
    Healthcheck check = healthcheck ? run.healthcheck() : off(run.healthcheck());
    return new LocalContainer(desired.ref(), desired.appId(), local, check);
  }

  /** How many host ports a task of the instance gets (as the daemon allocates them). */
  public static int portCount(RunSpec run) {
    return Math.max(1, run.portCount());
  }

  /** The task's labels without {@code paasta_managed}, with {@value #LOCAL_RUN}. */
  static Map<String, String> localLabels(Map<String, String> taskLabels) {
    Map<String, String> labels = new TreeMap<>(taskLabels);
    labels.remove(Labels.MANAGED);
    labels.put(LOCAL_RUN, "true");
    return labels;
  }

  /** The run spec with {@code cmd} as its command (through a shell) and no args. */
  static RunSpec withCommand(RunSpec run, String cmd) {
    return run.withCommand(cmd);
  }

  private static Healthcheck off(Healthcheck check) {
    return new Healthcheck(
        HealthcheckMode.NONE,
        check.uri(),
        check.cmd(),
        check.gracePeriodSeconds(),
        check.intervalSeconds(),
        check.timeoutSeconds(),
        check.maxConsecutiveFailures());
  }
}
