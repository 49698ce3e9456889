package io.paasta.config.validate;

import io.paasta.config.ConfigException;
import io.paasta.config.problem.Location;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.ServiceFiles;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.soa.SoaDir;
import io.paasta.config.yaml.ParsedFile;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.ServiceInstance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private final ServiceCheck serviceCheck;
  private final UnusedKeys unusedKeys = new UnusedKeys();
  private final Clock clock;

  /** With the default {@link RunLimits}. */
  public SoaValidator(SoaConfigsLoader loader, SchemaValidator schemas) {
    this(loader, schemas, RunLimits.defaults(), Clock.systemUTC());
  }

  /**
   * @param clock the time Tron schedules must have a next run after
   */
  public SoaValidator(SoaConfigsLoader loader, SchemaValidator schemas, Clock clock) {
    this(loader, schemas, RunLimits.defaults(), clock);
  }

  public SoaValidator(SoaConfigsLoader loader, SchemaValidator schemas, RunLimits limits) {
    this(loader, schemas, limits, Clock.systemUTC());
  }

  public SoaValidator(
      SoaConfigsLoader loader, SchemaValidator schemas, RunLimits limits, Clock clock) {
    this.loader = loader;
    this.clock = clock;
    this.serviceCheck = new ServiceCheck(loader, schemas, limits, clock);
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
            null,
            checked.stream()
                .filter(c -> c.smartstack.isPresent())
                .collect(Collectors.toMap(c -> c.service, c -> c.smartstack.get(), (a, b) -> a)));
    List<ServiceReport> reports = new ArrayList<>();
    for (Checked c : checked) {
      reports.add(c.report(portProblems.getOrDefault(c.service, List.of())));
    }
    return new ValidationReport(reports, listing.problems());
  }

  /** Validates one service; proxy ports are compared with every other service's smartstack.yaml. */
  public ValidationReport validateService(String service) {
    OtherSmartstacks others = OtherSmartstacks.startReading(loader, service);
    Checked checked = check(service);
    Set<Integer> ports =
        checked.namespaces.values().stream()
            .filter(NamespaceConfig::inSmartStack)
            .map(ns -> ns.proxyPort().getAsInt())
            .collect(Collectors.toSet());
    Map<String, Map<String, NamespaceConfig>> all = new LinkedHashMap<>();
    others.mightUse(ports).parallelStream()
        .map(other -> Map.entry(other, loader.namespacesOf(other)))
        .collect(Collectors.toList())
        .forEach(e -> all.put(e.getKey(), e.getValue()));
    all.put(service, checked.namespaces);
    Map<String, ParsedFile> smartstacks =
        checked.smartstack.map(f -> Map.of(service, f)).orElse(Map.of());
    List<Problem> portProblems =
        duplicatePorts(all, service, smartstacks).getOrDefault(service, List.of());
    return new ValidationReport(List.of(checked.report(portProblems)), List.of());
  }

  private Checked check(String service) {
    ServiceFiles files;
    try {
      files = loader.readFilesKeepingNamespaces(service);
    } catch (ConfigException e) {
      Problem problem =
          Problem.error(Location.of(service), "", e.getMessage(), Problem.NO_VALUE, "");
      return new Checked(
          service, 0, List.of(problem), Map.of(), Optional.empty(), List.of(), List.of());
    }
    LoadedService loaded = serviceCheck.check(files);
    return new Checked(
        service,
        files.fileCount(),
        loaded.problems(),
        loaded.service().namespaces(),
        files.smartstack(),
        unusedKeys.find(files),
        JobPreview.of(loaded.service(), clock.instant(), JobPreview.NEXT_RUNS));
  }

  /**
   * Problems for every namespace whose proxy_port another namespace also uses, keyed by service.
   * With {@code onlyFor} set, only that service's problems are computed. {@code smartstacks} gives
   * the parsed smartstack.yaml of services whose problems should name a line.
   */
  public static Map<String, List<Problem>> duplicatePorts(
      Map<String, Map<String, NamespaceConfig>> namespacesByService,
      String onlyFor,
      Map<String, ParsedFile> smartstacks) {
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
            ParsedFile smartstack = smartstacks.get(user.service());
            int line =
                smartstack == null ? 0 : smartstack.lineOf(List.of(user.instance(), "proxy_port"));
            problems
                .computeIfAbsent(user.service(), s -> new ArrayList<>())
                .add(
                    Problem.error(
                        Location.of(user.service() + "/smartstack.yaml", line),
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
      String service,
      int files,
      List<Problem> problems,
      Map<String, NamespaceConfig> namespaces,
      Optional<ParsedFile> smartstack,
      List<Problem> unused,
      List<JobPreview> jobs) {
    ServiceReport report(List<Problem> more) {
      List<Problem> all = new ArrayList<>(problems);
      all.addAll(more);
      all.sort(ORDER);
      return new ServiceReport(service, files, all, unused, jobs);
    }
  }
}
