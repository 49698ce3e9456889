package io.paasta.model;

import java.util.Optional;

/** The kinds of instance file in a service folder: {@code <kind>-<cluster>.yaml}. */
public enum InstanceKind {
  MARATHON("marathon", true),
  KUBERNETES("kubernetes", true),
  /** {@code eks-<cluster>.yaml}: Kubernetes instances on EKS; the same keys as kubernetes-*. */
  EKS("eks", true),
  CHRONOS("chronos", false),
  ADHOC("adhoc", false);

  private final String filePrefix;
  private final String fileNamePrefix;
  private final boolean longRunning;

  InstanceKind(String filePrefix, boolean longRunning) {
    this.filePrefix = filePrefix;
    this.fileNamePrefix = filePrefix + "-";
    this.longRunning = longRunning;
  }

  /** Kubernetes-style files (kubernetes-* and eks-*), which refuse a few marathon-era keys. */
  public boolean isKubernetes() {
    return this == KUBERNETES || this == EKS;
  }

  /** The word before the first dash of the file name, e.g. {@code marathon}. */
  public String filePrefix() {
    return filePrefix;
  }

  /** Long-running services (marathon/kubernetes) as opposed to jobs and one-off runs. */
  public boolean isLongRunning() {
    return longRunning;
  }

  /** The file that holds this kind's instances for a cluster. */
  public String fileName(String cluster) {
    return filePrefix + "-" + cluster + ".yaml";
  }

  /** The kind and cluster named by an instance file name, e.g. {@code marathon-norcal.yaml}. */
  public static Optional<KindAndCluster> parseFileName(String fileName) {
    if (!fileName.endsWith(".yaml")) {
      return Optional.empty();
    }
    String stem = fileName.substring(0, fileName.length() - ".yaml".length());
    for (InstanceKind kind : values()) {
      String prefix = kind.fileNamePrefix; // not built per call: listing calls this per file
      if (stem.startsWith(prefix) && stem.length() > prefix.length()) {
        return Optional.of(new KindAndCluster(kind, stem.substring(prefix.length())));
      }
    }
    return Optional.empty();
  }

  /** The two parts of an instance file name. */
  public record KindAndCluster(InstanceKind kind, String cluster) {}
}
