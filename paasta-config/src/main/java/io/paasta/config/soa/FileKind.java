package io.paasta.config.soa;

import io.paasta.model.InstanceKind;
import java.util.Optional;

/** The kinds of file a service folder may hold; each has a JSON Schema of its own. */
public enum FileKind {
  SERVICE("service.yaml", "service.schema.json"),
  MARATHON(null, "marathon.schema.json"),
  KUBERNETES(null, "kubernetes.schema.json"),
  CHRONOS(null, "chronos.schema.json"),
  ADHOC(null, "adhoc.schema.json"),
  SMARTSTACK("smartstack.yaml", "smartstack.schema.json"),
  MONITORING("monitoring.yaml", "monitoring.schema.json"),
  DEPLOY("deploy.yaml", "deploy.schema.json"),
  DEPLOYMENTS("deployments.json", "deployments.schema.json"),
  SECRET(null, "secret.schema.json"),
  /**
   * {@code tron-<cluster>.yaml}: Tron jobs (validated and listed; not run by this platform yet).
   */
  TRON(null, "tron.schema.json"),
  /** {@code rollback.yaml}: conditions of automatic rollbacks (validated only). */
  ROLLBACK("rollback.yaml", "rollback.schema.json"),
  /**
   * {@code dependencies.yaml}: what instances depend on, named by {@code dependencies_reference}.
   */
  DEPENDENCIES("dependencies.yaml", "dependencies.schema.json");

  static final String TRON_PREFIX = "tron-";

  private final String fixedName;
  private final String schema;

  FileKind(String fixedName, String schema) {
    this.fixedName = fixedName;
    this.schema = schema;
  }

  /** The schema's file name under {@code schemas/} on the classpath. */
  public String schema() {
    return schema;
  }

  /** The kind of a file directly in a service folder, by its name. */
  public static Optional<FileKind> ofFileName(String fileName) {
    for (FileKind kind : values()) {
      if (fileName.equals(kind.fixedName)) {
        return Optional.of(kind);
      }
    }
    if (tronCluster(fileName).isPresent()) {
      return Optional.of(TRON);
    }
    return InstanceKind.parseFileName(fileName).map(k -> of(k.kind()));
  }

  /** The cluster of a {@code tron-<cluster>.yaml} file name. */
  public static Optional<String> tronCluster(String fileName) {
    if (fileName.startsWith(TRON_PREFIX)
        && fileName.endsWith(".yaml")
        && fileName.length() > TRON_PREFIX.length() + ".yaml".length()) {
      return Optional.of(
          fileName.substring(TRON_PREFIX.length(), fileName.length() - ".yaml".length()));
    }
    return Optional.empty();
  }

  public static FileKind of(InstanceKind kind) {
    return switch (kind) {
      case MARATHON -> MARATHON;
      case KUBERNETES, EKS -> KUBERNETES;
      case CHRONOS -> CHRONOS;
      case ADHOC -> ADHOC;
    };
  }
}
