package io.paasta.config.validate;

import io.paasta.config.ConfigException;
import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.ServiceFiles;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.soa.SoaDir;
import io.paasta.model.InstanceKind;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.ServiceInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code paasta validate}: every file of every service (or of one) against its schema and the
 * semantic rules. One broken service never hides the results of the others.
 */
public final class SoaValidator {
  private static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparing(Problem::subject);

  private final SoaConfigsLoader loader;
  private final SchemaValidator schemas;
  private final SemanticRules rules;

  public SoaValidator(SoaConfigsLoader loader, SchemaValidator schemas) {
    this.loader = loader;
    this.schemas = schemas;
    this.rules = new SemanticRules(new LoaderTreeIndex(loader));
  }

  /** Validates every service of the tree, in parallel. */
  public ValidationReport validateAll() {
    SoaDir.Listing listing = loader.listServices();
    List<Checked> checked =
        listing.services().parallelStream().map(this::check).collect(Collectors.toList());
    Map<String, List<Problem>> portProblems =
        duplicatePorts(
            checked.stream()
                .collect(
                    Collectors.toMap(
                        c -> c.service, c -> c.namespaces, (a, b) -> a, LinkedHashMap::new)),
            null);
    List<ServiceReport> reports = new ArrayList<>();
    for (Checked c : checked) {
      reports.add(c.report(portProblems.getOrDefault(c.service, List.of())));
    }
    return new ValidationReport(reports, listing.problems());
  }

  /** Validates one service; proxy ports are compared with every other service's smartstack.yaml. */
  public ValidationReport validateService(String service) {
    Checked checked = check(service);
    Set<Integer> ports =
        checked.namespaces.values().stream()
            .filter(NamespaceConfig::inSmartStack)
            .map(ns -> ns.proxyPort().getAsInt())
            .collect(Collectors.toSet());
    Map<String, Map<String, NamespaceConfig>> all = new LinkedHashMap<>();
    loader.listServices().services().stream()
        .filter(other -> !other.equals(service) && !ports.isEmpty())
        .filter(other -> ProxyPortPrefilter.mightUse(smartstackFile(other), ports))
        .map(other -> Map.entry(other, loader.namespacesOf(other)))
        .collect(Collectors.toList())
        .forEach(e -> all.put(e.getKey(), e.getValue()));
    all.put(service, checked.namespaces);
    List<Problem> portProblems = duplicatePorts(all, service).getOrDefault(service, List.of());
    return new ValidationReport(List.of(checked.report(portProblems)), List.of());
  }

  private java.nio.file.Path smartstackFile(String service) {
    return loader.soaDir().root().resolve(service).resolve("smartstack.yaml");
  }

  private Checked check(String service) {
    ServiceFiles files;
    try {
      files = loader.readFiles(service);
    } catch (ConfigException e) {
      Problem problem =
          Problem.error(Location.of(service), "", e.getMessage(), Problem.NO_VALUE, "");
      return new Checked(service, 0, List.of(problem), Map.of());
    }
    List<Problem> problems = new ArrayList<>();
    files.allFiles().forEach(e -> problems.addAll(schemas.validate(e.getKey(), e.getValue())));
    LoadedService loaded = loader.assemble(files);
    problems.addAll(loaded.problems());
    problems.addAll(rules.check(loaded));
    return new Checked(service, files.fileCount(), dedupe(problems), loaded.service().namespaces());
  }

  /** Keeps the first problem reported for a place (schema errors come before loader errors). */
  private static List<Problem> dedupe(List<Problem> problems) {
    Set<String> seen = new HashSet<>();
    List<Problem> unique = new ArrayList<>();
    for (Problem problem : problems) {
      if (seen.add(problem.file() + ":" + problem.line() + ":" + problem.subject())) {
        unique.add(problem);
      }
    }
    return unique;
  }

  /**
   * Problems for every namespace whose proxy_port another namespace also uses, keyed by service.
   * With {@code onlyFor} set, only that service's problems are computed.
   */
  static Map<String, List<Problem>> duplicatePorts(
      Map<String, Map<String, NamespaceConfig>> namespacesByService, String onlyFor) {
    Map<Integer, List<ServiceInstance>> byPort = new TreeMap<>();
    namespacesByService.values().stream()
        .flatMap(namespaces -> namespaces.values().stream())
        .filter(NamespaceConfig::inSmartStack)
        .forEach(
            ns ->
                byPort
                    .computeIfAbsent(ns.proxyPort().getAsInt(), p -> new ArrayList<>())
                    .add(ns.name()));
    Map<String, List<Problem>> problems = new TreeMap<>();
    byPort.forEach(
        (port, users) -> {
          if (users.size() < 2) {
            return;
          }
          for (ServiceInstance user : users) {
            if (onlyFor != null && !onlyFor.equals(user.service())) {
              continue;
            }
            String others =
                users.stream()
                    .filter(u -> !u.equals(user))
                    .map(ServiceInstance::toString)
                    .collect(Collectors.joining(", "));
            problems
                .computeIfAbsent(user.service(), s -> new ArrayList<>())
                .add(
                    Problem.error(
                        Location.of(user.service() + "/smartstack.yaml"),
                        user.instance() + ".proxy_port",
                        "is also used by " + others,
                        port,
                        "a proxy_port unique across the soa-configs tree"));
          }
        });
    return problems;
  }

  /** One service's results before tree-wide checks are added. */
  private record Checked(
      String service, int files, List<Problem> problems, Map<String, NamespaceConfig> namespaces) {
    ServiceReport report(List<Problem> more) {
      List<Problem> all = new ArrayList<>(problems);
      all.addAll(more);
      all.sort(ORDER);
      return new ServiceReport(service, files, all);
    }
  }

  /** Looks other services up through the loader, reading only the files needed. */
  private record LoaderTreeIndex(SoaConfigsLoader loader) implements TreeIndex {
    @Override
    public boolean jobExists(ServiceInstance job, String cluster) {
      if (!loader.soaDir().hasService(job.service())) {
        return false;
      }
      return loader
          .instanceFile(job.service(), InstanceKind.CHRONOS, cluster)
          .map(f -> f.root() instanceof Map<?, ?> root && root.containsKey(job.instance()))
          .orElse(false);
    }

    @Override
    public boolean namespaceExists(ServiceInstance namespace) {
      return loader.namespaceOfOtherService(namespace).isPresent();
    }
  }
}
