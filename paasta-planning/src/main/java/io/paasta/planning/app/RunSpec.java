package io.paasta.planning.app;

import io.paasta.model.Healthcheck;
import io.paasta.model.Ulimit;
import io.paasta.model.Volume;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every task of an app runs: the complete effective run config of SPEC section 4. Port
 * variables ({@code PORT0}, ...) and per-task ids are added when a task starts; everything else is
 * here, so two apps with equal RunSpecs are the same app.
 *
 * @param image the full image name, {@code <registry>/services-<svc>:paasta-<sha>}
 * @param env the user's env over the PAASTA_* and MARATHON_* variables (ports excluded)
 * @param cpuQuotaUs {@code cpus * cfs_period_us * (100 + cpu_burst_pct) / 100}
 * @param memSwapMb {@code mem + 64}
 * @param labels labels every task carries (service, instance, app id, git sha, config hash, ...)
 */
public record RunSpec(
    String image,
    Optional<String> cmd,
    List<String> args,
    Map<String, String> env,
    double cpus,
    double memMb,
    double diskMb,
    long cpuPeriodUs,
    long cpuQuotaUs,
    long memSwapMb,
    List<Volume> volumes,
    Map<String, Ulimit> ulimits,
    List<String> capAdd,
    Map<String, String> extraDockerArgs,
    Healthcheck healthcheck,
    int portCount,
    Map<String, String> labels) {

  public RunSpec {
    args = List.copyOf(args);
    env = Map.copyOf(env);
    volumes = List.copyOf(volumes);
    ulimits = Map.copyOf(ulimits);
    capAdd = List.copyOf(capAdd);
    extraDockerArgs = Map.copyOf(extraDockerArgs);
    labels = Map.copyOf(labels);
  }

  /**
   * The same spec with another env: what a backend starts a task with once its secrets are resolved
   * (never stored, logged or printed).
   */
  public RunSpec withEnv(Map<String, String> otherEnv) {
    return new RunSpec(
        image,
        cmd,
        args,
        otherEnv,
        cpus,
        memMb,
        diskMb,
        cpuPeriodUs,
        cpuQuotaUs,
        memSwapMb,
        volumes,
        ulimits,
        capAdd,
        extraDockerArgs,
        healthcheck,
        portCount,
        labels);
  }

  /** The same spec with {@code command} as its command (through a shell) and no args. */
  public RunSpec withCommand(String command) {
    return new RunSpec(
        image,
        Optional.of(command),
        List.of(),
        env,
        cpus,
        memMb,
        diskMb,
        cpuPeriodUs,
        cpuQuotaUs,
        memSwapMb,
        volumes,
        ulimits,
        capAdd,
        extraDockerArgs,
        healthcheck,
        portCount,
        labels);
  }
}
