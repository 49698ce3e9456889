package io.paasta.config.validate;

import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.ServiceFiles;
import io.paasta.config.yaml.ParsedFile;
import io.paasta.model.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keys (and files) PaaSTA accepts that this platform reads but does not act on, listed by {@code
 * paasta validate -v} so that nobody expects them to do something here.
 */
final class UnusedKeys {
  static final String MESSAGE = "accepted, not used by this platform";

  /** Instance keys (also as service.yaml defaults) with no effect on a local cluster. */
  static final Set<String> INSTANCE_KEYS =
      Set.of(
          "gpus",
          "cpu_burst_add",
          "dependencies_reference",
          "security",
          "bounce_start_deadline",
          "marathon_shard",
          "previous_marathon_shards",
          "bounce_method_params",
          "monitoring_blacklist",
          "sfn_autoscaling",
          "sidecar_resource_requirements",
          "node_selectors",
          "node_selectors_preferred",
          "pod_management_policy",
          "service_account_name",
          "topology_spread_constraints",
          "annotations",
          "labels",
          "lifecycle",
          "horizontal_autoscaling",
          "anti_affinity",
          "anti_affinity_preferred",
          "iam_role",
          "iam_role_provider",
          "fs_group",
          "persistent_volumes",
          "secret_volumes",
          "prometheus_shard",
          "prometheus_path",
          "prometheus_port",
          "routable_ip",
          "namespace",
          "boto_keys",
          "is_istio_sidecar_injection_enabled",
          "autotune_limits",
          "enable_aws_lb_readiness_gate",
          "fs_group_change_policy",
          "uses_bulkdata",
          "aws_ebs_volumes",
          "crypto_keys",
          "datastore_credentials",
          "projected_sa_volumes",
          "privileged");

  /** smartstack.yaml keys of Envoy and later PaaSTA. */
  static final Set<String> NAMESPACE_KEYS =
      Set.of(
          "port",
          "extra_headers",
          "balance",
          "lb_policy",
          "choice_count",
          "allredisp",
          "updown_timeout_s",
          "idle_timeout",
          "endpoint_timeouts",
          "is_proxy",
          "proxied_through",
          "clb_proxy",
          "vip_upgrade",
          "allow_websocket_upgrade",
          "fixed_delay",
          "chaos",
          "plugins",
          "monitoring");

  /** deploy.yaml keys of later PaaSTA. */
  static final Set<String> DEPLOY_KEYS =
      Set.of("allow_no_verify_deploy", "default_deploy_strategy", "slack_notify");

  /** The keys and files of one service that are accepted but not acted on, in file order. */
  List<Problem> find(ServiceFiles files) {
    List<Problem> found = new ArrayList<>();
    files.serviceYaml().ifPresent(f -> keysOf(f, List.of(), INSTANCE_KEYS, found));
    for (ServiceFiles.InstanceFile file : files.instanceFiles()) {
      eachEntry(file.file(), name -> keysOf(file.file(), List.of(name), INSTANCE_KEYS, found));
    }
    files
        .smartstack()
        .ifPresent(f -> eachEntry(f, name -> keysOf(f, List.of(name), NAMESPACE_KEYS, found)));
    files.deploy().ifPresent(f -> keysOf(f, List.of(), DEPLOY_KEYS, found));
    for (ServiceFiles.TronFile tron : files.tronFiles()) {
      wholeFile(tron.file(), "Tron jobs are validated and listed; running them is a later issue")
          .ifPresent(found::add);
    }
    files.rollback().flatMap(f -> wholeFile(f, "automatic rollbacks")).ifPresent(found::add);
    files.dependencies().flatMap(f -> wholeFile(f, "dependencies")).ifPresent(found::add);
    return found;
  }

  private static void eachEntry(ParsedFile file, java.util.function.Consumer<String> action) {
    if (file.root() instanceof Map<?, ?> root) {
      root.keySet().stream()
          .map(String::valueOf)
          .filter(name -> !Names.isTemplate(name))
          .forEach(action);
    }
  }

  private static void keysOf(
      ParsedFile file, List<String> at, Set<String> unused, List<Problem> found) {
    Object dict = file.root();
    for (String key : at) {
      dict = dict instanceof Map<?, ?> map ? map.get(key) : null;
    }
    if (!(dict instanceof Map<?, ?> map)) {
      return;
    }
    for (Object key : map.keySet()) {
      if (unused.contains(String.valueOf(key))) {
        List<Object> path = new ArrayList<>(at);
        path.add(key);
        found.add(
            Problem.warning(
                Location.of(file.file(), file.lineOf(path)),
                String.join(".", at.stream().map(String::valueOf).toList())
                    + (at.isEmpty() ? "" : ".")
                    + key,
                MESSAGE,
                ""));
      }
    }
  }

  private static Optional<Problem> wholeFile(ParsedFile file, String what) {
    return Optional.of(
        Problem.warning(Location.of(file.file()), "", MESSAGE + " (" + what + ")", ""));
  }
}
