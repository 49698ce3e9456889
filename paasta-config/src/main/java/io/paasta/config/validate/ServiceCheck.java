package io.paasta.config.validate;

import io.paasta.config.problem.Problem;
import io.paasta.config.problem.Problems;
import io.paasta.config.soa.FileKind;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.ServiceFiles;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.DeployConfig;
import io.paasta.model.InstanceKind;
import io.paasta.model.ServiceInstance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rule of one service, as {@code paasta validate} and the daemon both apply them: the
 * loader's, the semantic rules and the JSON Schemas. The daemon refuses the problems that {@link
 * Problem#blocksRun() block a run}; validate refuses every error. deploy.yaml describes the
 * pipeline, not what runs: its schema errors are tree policy. Problems of secret files never show
 * their values.
 */
public final class ServiceCheck {
  /**
   * Files that describe the pipeline and the tree, not what runs: their schema errors are policy.
   */
  private static final Set<FileKind> TREE_POLICY_FILES =
      EnumSet.of(FileKind.DEPLOY, FileKind.TRON, FileKind.ROLLBACK, FileKind.DEPENDENCIES);

  private final SoaConfigsLoader loader;
  private final SchemaValidator schemas;
  private final SemanticRules rules;
  private final TreePolicyRules treePolicy = new TreePolicyRules();
  private final TronRules tronRules;

  /** With the system clock (Tron schedules must have a next run after now). */
  public ServiceCheck(SoaConfigsLoader loader, SchemaValidator schemas, RunLimits limits) {
    this(loader, schemas, limits, Clock.systemUTC());
  }

  /**
   * @param clock the time Tron schedules must have a next run after
   */
  public ServiceCheck(
      SoaConfigsLoader loader, SchemaValidator schemas, RunLimits limits, Clock clock) {
    this.loader = loader;
    this.schemas = schemas;
    this.rules = new SemanticRules(new LoaderTreeIndex(loader), limits);
    this.tronRules = new TronRules(clock);
  }

  /** The service as loaded, with every problem found in it (merged, one per place). */
  public LoadedService check(ServiceFiles files) {
    // the loader's and the rules' messages speak soa-configs; schema errors fill in the rest
    LoadedService loaded = loader.assemble(files);
    // tree policy first: its errors replace the loader's warnings about the same files
    List<Problem> problems =
        new ArrayList<>(Problems.mergeByPlace(treePolicy(loaded, files), loaded.problems()));
    problems.addAll(rules.check(loaded));
    List<Problem> schemaProblems = new ArrayList<>();
    files
        .allFiles()
        .forEach(
            e ->
                schemas.validate(e.getKey(), e.getValue()).stream()
                    .map(p -> TREE_POLICY_FILES.contains(e.getKey()) ? p.asTreePolicy() : p)
                    .map(p -> e.getKey() == FileKind.SECRET ? p.withoutValue() : p)
                    .forEach(schemaProblems::add));
    return new LoadedService(
        loaded.service(), files, Problems.mergeByPlace(problems, schemaProblems));
  }

  /**
   * The rules about the tree around the instances (monitoring.yaml, deploy.yaml, external_link,
   * Tron files, which this platform does not run yet): refused by validate, warnings for the
   * daemon.
   */
  private List<Problem> treePolicy(LoadedService loaded, ServiceFiles files) {
    List<Problem> policy = new ArrayList<>(treePolicy.check(loaded));
    policy.addAll(
        tronRules.check(
            files,
            loaded.service().deploy().map(DeployConfig::deployGroups),
            loaded.service().monitoringFile().get("team") instanceof String));
    return policy.stream().map(Problem::asTreePolicy).toList();
  }

  /** Reads and checks one service; throws {@link io.paasta.config.ConfigException} when unknown. */
  public LoadedService check(String service) {
    return check(loader.readFiles(service));
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
    public List<ServiceInstance> parentsOf(ServiceInstance job, String cluster) {
      if (!loader.soaDir().hasService(job.service())) {
        return List.of();
      }
      Object written =
          loader
              .instanceFile(job.service(), InstanceKind.CHRONOS, cluster)
              .map(
                  f ->
                      f.root() instanceof Map<?, ?> root
                              && root.get(job.instance()) instanceof Map<?, ?> dict
                          ? dict.get("parents")
                          : null)
              .orElse(null);
      List<?> names =
          written instanceof List<?> list ? list : written == null ? List.of() : List.of(written);
      return names.stream()
          .flatMap(name -> ServiceInstance.parse(String.valueOf(name)).stream())
          .toList();
    }

    @Override
    public boolean serviceExists(String service) {
      return loader.soaDir().hasService(service);
    }

    @Override
    public boolean namespaceExists(ServiceInstance namespace) {
      return loader.namespaceOfOtherService(namespace).isPresent();
    }
  }
}
