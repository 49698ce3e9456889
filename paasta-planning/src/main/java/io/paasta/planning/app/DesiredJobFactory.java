package io.paasta.planning.app;

import io.paasta.model.Deployments;
import io.paasta.model.Deployments.Control;
import io.paasta.model.Deployments.DeployGroupDeployment;
import io.paasta.model.DesiredState;
import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.ServiceConfig;
import io.paasta.model.SystemConfig;
import io.paasta.model.WireEnum;
import io.paasta.model.schedule.RunTimes;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.jobs.JobTemplate;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a job's config and its service's deployments into the {@link DesiredJob} the job planner
 * works with: the image of its deploy group, {@code desired_state: stop} as stopped, the config
 * hash, env, limits, volumes and labels of its containers (SPEC sections 4 and 6). Pure: the run
 * times are made by the caller (schedule syntax lives in the config module).
 */
public final class DesiredJobFactory {
  /** Job containers have no health check. */
  static final Healthcheck NO_HEALTHCHECK =
      new Healthcheck(HealthcheckMode.NONE, Healthcheck.DEFAULT_URI, Optional.empty(), 0, 0, 0, 0);

  private DesiredJobFactory() {}

  /**
   * @param times the job's run times; empty for a job with parents or a schedule that does not
   *     parse
   */
  public static DesiredJob create(
      JobConfig config,
      Optional<Deployments> deployments,
      SystemConfig system,
      ServiceConfig service,
      Optional<RunTimes> times) {
    return create(config, deployments, system, service, times, Map.of());
  }

  /**
   * @param times the job's run times; empty for a job with parents or a schedule that does not
   *     parse
   * @param secretSignatures signature by env value of each secret the env refers to: a rotated
   *     secret changes the job's config hash
   */
  public static DesiredJob create(
      JobConfig config,
      Optional<Deployments> deployments,
      SystemConfig system,
      ServiceConfig service,
      Optional<RunTimes> times,
      Map<String, String> secretSignatures) {
    InstanceRef ref = config.ref();
    Control control =
        deployments
            .map(d -> d.controlFor(ref.service(), ref.cluster(), ref.instance()))
            .orElse(Control.DEFAULT);
    Optional<DeployGroupDeployment> deployment =
        deployments.flatMap(d -> d.forDeployGroup(config.deployGroup()));
    Optional<String> problem = Optional.empty();
    if (deployment.isEmpty()) {
      problem =
          Optional.of(
              "No deployment found for "
                  + ref.service()
                  + "."
                  + ref.instance()
                  + " in cluster "
                  + ref.cluster()
                  + " (deploy group "
                  + config.deployGroup()
                  + " has no entry in deployments.json). Has the pipeline run for it?");
    } else if (times.isEmpty() && config.parents().isEmpty()) {
      problem =
          Optional.of(
              "its schedule '"
                  + config.schedule().orElse("")
                  + "' cannot be read (paasta validate says why)");
    }
    ZoneId zone = zone(config);
    if (zone == null) {
      problem =
          Optional.of(
              "schedule_time_zone '" + config.scheduleTimeZone().get() + "' is no time zone");
      zone = ZoneOffset.UTC;
    }
    return new DesiredJob(
        ref,
        times,
        config.parents().stream()
            .map(
                p ->
                    new InstanceRef(p.service(), ref.cluster(), p.instance(), InstanceKind.CHRONOS))
            .toList(),
        config.epsilon(),
        config.retries() + 1,
        disabled(config, control),
        config.container().cmd().orElse(""),
        zone,
        deployment.map(d -> template(config, d, control, system, service, secretSignatures)),
        problem);
  }

  private static ZoneId zone(JobConfig config) {
    try {
      return ZoneId.of(config.scheduleTimeZone().orElse("UTC"));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Optional<String> disabled(JobConfig config, Control control) {
    if (config.disabled()) {
      return Optional.of(
          "disabled (disabled: true in "
              + config.ref().kind().fileName(config.ref().cluster())
              + ")");
    }
    if (control.desiredState() == DesiredState.STOP) {
      return Optional.of("stopped (paasta stop)");
    }
    return Optional.empty();
  }

  private static JobTemplate template(
      JobConfig config,
      DeployGroupDeployment deployment,
      Control control,
      SystemConfig system,
      ServiceConfig service,
      Map<String, String> secretSignatures) {
    String dockerImage = deployment.dockerImage();
    Map<String, String> env = RunSpecFactory.platformEnv(config, dockerImage);
    env.putAll(config.container().env());
    String image = DesiredInstanceFactory.registry(system, service) + "/" + dockerImage;
    RunSpec unlabeled =
        RunSpecFactory.build(config, image, env, system.volumes(), Map.of(), NO_HEALTHCHECK, 0);
    String hash =
        AppIdentity.configHash(
            unlabeled, hashExtras(config, secretSignatures), control.forceBounce());
    RunSpec labeled =
        RunSpecFactory.withIdentity(
            unlabeled,
            unlabeled.env(),
            DesiredInstanceFactory.identityLabels(config, deployment, hash));
    return new JobTemplate(deployment.gitSha(), hash, labeled);
  }

  /** What the hash covers beyond the run spec: placement and when and after what it runs. */
  private static Map<String, Object> hashExtras(
      JobConfig config, Map<String, String> secretSignatures) {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("net", WireEnum.wireName(config.container().net()));
    extras.put("pool", config.container().pool());
    extras.put("constraints", config.container().constraints());
    extras.put("extra_constraints", config.container().extraConstraints());
    extras.put("schedule", config.schedule().orElse(null));
    extras.put("schedule_time_zone", config.scheduleTimeZone().orElse(null));
    extras.put("parents", config.parents().stream().map(Object::toString).toList());
    extras.put("epsilon", config.epsilon().toString());
    extras.put("retries", config.retries());
    if (!secretSignatures.isEmpty()) {
      extras.put("secret_signatures", new java.util.TreeMap<>(secretSignatures));
    }
    return extras;
  }
}
