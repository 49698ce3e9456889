package io.paasta.config.system;

import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.config.problem.Problems;
import io.paasta.config.soa.FieldReader;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.SystemConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The system config's {@code kubernetes_clusters}: which clusters run on Kubernetes and how to
 * reach them. Our key (SPEC section 14 leaves the form open):
 *
 * <pre>
 * "kubernetes_clusters": {"&lt;cluster&gt;": {"kubeconfig": "/path", "context": "name",
 *     "in_cluster": false, "registry": "host:port", "docker_config": "/path/config.json",
 *     "namespace_prefix": "paastasvc-"}}
 * </pre>
 *
 * A cluster needs {@code kubeconfig} or {@code in_cluster: true}; {@code registry} defaults to
 * {@code docker_registry}. A bad entry is reported (file, key, value, expected) and left out; the
 * other clusters are read.
 */
public final class KubernetesClusters {
  public static final String KEY = "kubernetes_clusters";

  private static final Pattern NAMESPACE_PREFIX = Pattern.compile("^[a-z0-9]([-a-z0-9]*)?$");

  /** The clusters that are well formed, by name, and the problems of the others. */
  public record Read(Map<String, KubernetesCluster> clusters, List<Problem> problems) {
    public Read {
      clusters = Map.copyOf(clusters);
      problems = List.copyOf(problems);
    }

    public Optional<KubernetesCluster> cluster(String name) {
      return Optional.ofNullable(clusters.get(name));
    }
  }

  private KubernetesClusters() {}

  /**
   * @param file how problems name the place, e.g. {@code /etc/paasta/*.json}
   */
  public static Read read(SystemConfig system, String file) {
    Problems problems = new Problems();
    Map<String, KubernetesCluster> clusters = new TreeMap<>();
    FieldReader top =
        new FieldReader(system.raw(), "", List.of(), path -> Location.of(file), problems);
    Map<String, Object> entries = top.dict(KEY);
    entries.forEach(
        (name, entry) -> {
          Problems own = new Problems();
          if (entry instanceof Map<?, ?> map) {
            FieldReader fields =
                new FieldReader(
                    map, KEY + "." + name, List.of(KEY, name), path -> Location.of(file), own);
            KubernetesCluster cluster = cluster(name, fields, system);
            if (!own.hasErrors()) {
              clusters.put(name, cluster);
            }
          } else {
            own.add(
                Problem.error(Location.of(file), KEY + "." + name, "is not a dict", entry, DICT));
          }
          problems.addAll(own.list());
        });
    return new Read(clusters, problems.list());
  }

  static final String DICT =
      "{kubeconfig: /path | in_cluster: true, context, registry, docker_config, namespace_prefix}";

  private static KubernetesCluster cluster(String name, FieldReader fields, SystemConfig system) {
    Optional<String> kubeconfig = nonBlank(fields, "kubeconfig");
    boolean inCluster = fields.bool("in_cluster", false);
    if (kubeconfig.isEmpty() && !inCluster) {
      fields.problem(
          "kubeconfig",
          "is missing (and in_cluster is not true)",
          Problem.NO_VALUE,
          "the path of a kubeconfig file, or in_cluster: true when the daemon runs as a pod");
    }
    String prefix = fields.string("namespace_prefix", KubernetesCluster.DEFAULT_NAMESPACE_PREFIX);
    if (!NAMESPACE_PREFIX.matcher(prefix).matches()) {
      fields.problem(
          "namespace_prefix",
          "is not the start of a Kubernetes namespace name",
          prefix,
          "lower-case letters, digits and '-', such as paastasvc-");
    }
    return new KubernetesCluster(
        name,
        kubeconfig,
        nonBlank(fields, "context"),
        inCluster,
        nonBlank(fields, "registry").orElse(system.dockerRegistry()),
        nonBlank(fields, "docker_config"),
        prefix);
  }

  private static Optional<String> nonBlank(FieldReader fields, String key) {
    Optional<String> value = fields.string(key);
    if (value.isPresent() && value.get().isBlank()) {
      fields.problem(key, "is empty", value.get(), "a non-empty string, or leave the key out");
      return Optional.empty();
    }
    return value;
  }
}
