package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.MonitoringResolver;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceConfig;
import io.paasta.model.JobConfig;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.PipelineStep;
import io.paasta.model.Service;
import io.paasta.model.WireEnum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paasta info}: what soa-configs says about a service, at a glance. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "Shows a service's description, repository, team, pipeline, SmartStack namespaces and instances.")
public final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin ServiceOption service;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    SoaConfigsLoader loader = soaDir.open();
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
    Map<String, Object> info = describe(loaded.service());
    Map<String, List<String>> tron = new LinkedHashMap<>();
    loaded.files().tronFiles().forEach(f -> tron.put(f.cluster(), f.instances()));
    if (!tron.isEmpty()) {
      info.put("tron", tron);
    }
    Output out = new Output(spec.commandLine());
    if (json.enabled()) {
      out.json(info);
    } else {
      print(info, loaded, out);
    }
    return 0;
  }

  static Map<String, Object> describe(Service service) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("service", service.name());
    info.put("description", service.config().description().orElse(null));
    info.put("git_url", service.config().gitUrl().orElse(null));
    info.put("external_link", service.config().externalLink().orElse(null));
    Map<String, Object> monitoring =
        MonitoringResolver.resolve(
            Map.of(),
            service.monitoringFile(),
            service.config().instanceDefaults().get("monitoring") instanceof Map<?, ?> m
                ? m
                : Map.of(),
            service.config().instanceDefaults());
    info.put("team", monitoring.get("team"));
    info.put("runbook", monitoring.get("runbook"));
    info.put("notification_email", monitoring.get("notification_email"));
    info.put(
        "pipeline",
        service
            .deploy()
            .map(d -> d.pipeline().stream().map(InfoCommand::step).toList())
            .orElse(List.of()));
    List<Map<String, Object>> namespaces = new ArrayList<>();
    for (NamespaceConfig ns : service.namespaces().values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("namespace", ns.name().toString());
      entry.put("proxy_port", ns.proxyPort().isPresent() ? ns.proxyPort().getAsInt() : null);
      entry.put("mode", WireEnum.wireName(ns.mode()));
      entry.put("discover", ns.discover());
      namespaces.add(entry);
    }
    info.put("smartstack", namespaces);
    Map<String, List<Map<String, Object>>> clusters = new LinkedHashMap<>();
    for (String cluster : service.clusters()) {
      clusters.put(
          cluster, service.instancesIn(cluster).stream().map(InfoCommand::instance).toList());
    }
    info.put("instances", clusters);
    return info;
  }

  private static Map<String, Object> step(PipelineStep step) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("step", step.step());
    entry.put("kind", step.isBuildStep() ? "build" : "deploy");
    entry.put("trigger_next_step_manually", step.triggerNextStepManually());
    if (!step.parallel().isEmpty()) {
      entry.put("parallel", step.parallel().stream().map(InfoCommand::step).toList());
    }
    return entry;
  }

  private static Map<String, Object> instance(InstanceConfig config) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("instance", config.ref().instance());
    entry.put("kind", config.ref().kind().filePrefix());
    entry.put("deploy_group", config.deployGroup());
    entry.put("cpus", config.container().cpus());
    entry.put("mem", config.container().mem());
    if (config instanceof LongRunningConfig lr) {
      entry.put("instances", lr.autoscaled() ? null : lr.instances());
      if (lr.autoscaled()) {
        entry.put(
            "min_instances", lr.minInstances().isPresent() ? lr.minInstances().getAsInt() : null);
        entry.put(
            "max_instances", lr.maxInstances().isPresent() ? lr.maxInstances().getAsInt() : null);
      }
      entry.put("bounce_method", WireEnum.wireName(lr.bounceMethod()));
      entry.put("healthcheck", WireEnum.wireName(lr.healthcheck().mode()));
      entry.put("registrations", lr.registrations().stream().map(Object::toString).toList());
    } else if (config instanceof JobConfig job) {
      entry.put("schedule", job.schedule().orElse(null));
      entry.put("parents", job.parents().stream().map(Object::toString).toList());
      entry.put("disabled", job.disabled());
    }
    return entry;
  }

  @SuppressWarnings("unchecked")
  private static void print(Map<String, Object> info, LoadedService loaded, Output out) {
    out.styled("@|bold Service:|@ " + info.get("service"));
    line(out, "Description", info.get("description"));
    line(out, "Git repo", info.get("git_url"));
    line(out, "External link", info.get("external_link"));
    line(out, "Team", info.get("team"));
    line(out, "Runbook", info.get("runbook"));
    List<Map<String, Object>> pipeline = (List<Map<String, Object>>) info.get("pipeline");
    if (!pipeline.isEmpty()) {
      StringBuilder steps = new StringBuilder();
      for (Map<String, Object> step : pipeline) {
        if (steps.length() > 0) {
          steps.append(" -> ");
        }
        steps.append(step.get("step"));
        if (Boolean.TRUE.equals(step.get("trigger_next_step_manually"))) {
          steps.append(" (then manual)");
        }
      }
      line(out, "Deploy pipeline", steps);
    }
    List<Map<String, Object>> namespaces = (List<Map<String, Object>>) info.get("smartstack");
    if (!namespaces.isEmpty()) {
      out.styled("@|bold SmartStack:|@");
      for (Map<String, Object> ns : namespaces) {
        Object port = ns.get("proxy_port");
        out.line(
            "  "
                + ns.get("namespace")
                + (port == null
                    ? "  discovery only"
                    : "  proxy_port " + port + " (" + ns.get("mode") + ")"));
      }
    }
    Map<String, List<Map<String, Object>>> clusters =
        (Map<String, List<Map<String, Object>>>) info.get("instances");
    out.styled("@|bold Instances:|@" + (clusters.isEmpty() ? " none" : ""));
    clusters.forEach(
        (cluster, instances) -> {
          out.styled("  @|cyan " + Output.escape(cluster) + "|@");
          for (Map<String, Object> instance : instances) {
            out.line("    " + instanceLine(instance));
          }
        });
    Map<String, List<String>> tron = (Map<String, List<String>>) info.get("tron");
    if (tron != null) {
      out.styled("@|bold Tron jobs:|@ (validated and listed; running them comes in a later issue)");
      tron.forEach(
          (cluster, jobs) -> {
            out.styled("  @|cyan " + Output.escape(cluster) + "|@");
            jobs.forEach(job -> out.line("    " + job));
          });
    }
    if (loaded.hasErrors()) {
      out.styled(
          "@|yellow (this service has config problems; run paasta validate -s "
              + info.get("service")
              + ")|@");
    }
  }

  private static String instanceLine(Map<String, Object> i) {
    StringBuilder text = new StringBuilder();
    text.append(i.get("instance")).append(" (").append(i.get("kind")).append(")");
    if (i.containsKey("bounce_method")) {
      Object count =
          i.get("instances") != null
              ? i.get("instances")
              : i.get("min_instances") + "-" + i.get("max_instances") + " autoscaled";
      text.append(": ").append(count).append(" x ");
    } else {
      text.append(": ");
    }
    text.append(number(i.get("cpus"))).append(" cpus, ").append(number(i.get("mem"))).append(" MB");
    text.append(", deploy group ").append(i.get("deploy_group"));
    if (i.containsKey("bounce_method")) {
      text.append(", bounce ").append(i.get("bounce_method"));
      text.append(", healthcheck ").append(i.get("healthcheck"));
    }
    if (i.get("schedule") != null) {
      text.append(", schedule ").append(i.get("schedule"));
    }
    if (i.get("parents") instanceof List<?> parents && !parents.isEmpty()) {
      text.append(", after ")
          .append(String.join(", ", parents.stream().map(Object::toString).toList()));
    }
    if (Boolean.TRUE.equals(i.get("disabled"))) {
      text.append(", disabled");
    }
    return text.toString();
  }

  /** 64.0 as 64, 0.1 as 0.1. */
  private static String number(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(value);
  }

  private static void line(Output out, String label, Object value) {
    if (value != null) {
      out.styled("@|bold " + label + ":|@ " + Output.escape(String.valueOf(value)));
    }
  }
}
