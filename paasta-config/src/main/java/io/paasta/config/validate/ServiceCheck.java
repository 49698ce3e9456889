package io.paasta.config.validate;

import io.paasta.config.problem.Problem;
import io.paasta.config.problem.Problems;
import io.paasta.config.soa.FileKind;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.ServiceFiles;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceKind;
import io.paasta.model.ServiceInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every rule of one service, as {@code paasta validate} and the daemon both apply them: the
 * loader's, the semantic rules and the JSON Schemas. The daemon refuses the problems that {@link
 * Problem#blocksRun() block a run}; validate refuses every error. deploy.yaml describes the
 * pipeline, not what runs: its schema errors are tree policy. Problems of secret files never show
 * their values.
 */
public final class ServiceCheck {
  private final SoaConfigsLoader loader;
  private final SchemaValidator schemas;
  private final SemanticRules rules;

  public ServiceCheck(SoaConfigsLoader loader, SchemaValidator schemas, RunLimits limits) {
    this.loader = loader;
    this.schemas = schemas;
    this.rules = new SemanticRules(new LoaderTreeIndex(loader), limits);
  }

  /** The service as loaded, with every problem found in it (merged, one per place). */
  public LoadedService check(ServiceFiles files) {
    // the loader's and the rules' messages speak soa-configs; schema errors fill in the rest
    LoadedService loaded = loader.assemble(files);
    List<Problem> problems = new ArrayList<>(loaded.problems());
    problems.addAll(rules.check(loaded));
    List<Problem> schemaProblems = new ArrayList<>();
    files
        .allFiles()
        .forEach(
            e ->
                schemas.validate(e.getKey(), e.getValue()).stream()
                    .map(p -> e.getKey() == FileKind.DEPLOY ? p.asTreePolicy() : p)
                    .map(p -> e.getKey() == FileKind.SECRET ? p.withoutValue() : p)
                    .forEach(schemaProblems::add));
    return new LoadedService(
        loaded.service(), files, Problems.mergeByPlace(problems, schemaProblems));
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
    public boolean namespaceExists(ServiceInstance namespace) {
      return loader.namespaceOfOtherService(namespace).isPresent();
    }
  }
}
