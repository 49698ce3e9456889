package io.paasta.planning.app;

import io.paasta.model.Ulimit;
import io.paasta.model.Volume;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * App identity (SPEC section 4): the config hash and the app id.
 *
 * <p>The hash is md5 (hex) over the UTF-8 bytes of {@code CanonicalJson(hashed config)} followed by
 * the {@code force_bounce} text (nothing when there is none), as PaaSTA's {@code get_config_hash}
 * appended it. The hashed config is the {@link RunSpec} without its labels, plus the placement keys
 * the caller adds (constraints, net, ...); instance counts and backoff settings are not in a
 * RunSpec, so they never change the hash.
 */
public final class AppIdentity {
  private static final int SHORT = 8;

  private AppIdentity() {}

  /** {@code <service>.<instance>.git<sha[0:8]>.config<hash[0:8]>} with every '_' written "--". */
  public static String appId(String service, String instance, String gitSha, String configHash) {
    String id = service + "." + instance + ".git" + prefix(gitSha) + ".config" + prefix(configHash);
    return id.replace("_", "--");
  }

  public static String configHash(RunSpec run, Optional<String> forceBounce) {
    return configHash(run, Map.of(), forceBounce);
  }

  /**
   * The full md5 hex of the run config with {@code extra} keys (placement, secret signatures) added
   * at the top level.
   *
   * @throws IllegalArgumentException when an extra key is also a RunSpec key
   */
  public static String configHash(RunSpec run, Map<String, ?> extra, Optional<String> forceBounce) {
    String json = CanonicalJson.write(hashedConfig(run, extra));
    return md5Hex(json + forceBounce.orElse(""));
  }

  /** The JSON-ready map the hash is taken over (for tests and for {@code --dry-run -v}). */
  public static Map<String, Object> hashedConfig(RunSpec run, Map<String, ?> extra) {
    Map<String, Object> config = runConfig(run);
    extra.forEach(
        (key, value) -> {
          if (config.containsKey(key)) {
            throw new IllegalArgumentException("extra hash key " + key + " is a run spec key");
          }
          config.put(key, value);
        });
    return config;
  }

  private static Map<String, Object> runConfig(RunSpec run) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("image", run.image());
    config.put("cmd", run.cmd().orElse(null));
    config.put("args", run.args());
    config.put("env", run.env());
    config.put("cpus", run.cpus());
    config.put("mem", run.memMb());
    config.put("disk", run.diskMb());
    config.put("cpu_period_us", run.cpuPeriodUs());
    config.put("cpu_quota_us", run.cpuQuotaUs());
    config.put("mem_swap_mb", run.memSwapMb());
    config.put("volumes", run.volumes().stream().map(AppIdentity::volume).toList());
    config.put("ulimits", ulimits(run.ulimits()));
    config.put("cap_add", run.capAdd());
    config.put("extra_docker_args", run.extraDockerArgs());
    config.put("healthcheck", HealthcheckLabel.toMap(run.healthcheck()));
    config.put("port_count", run.portCount());
    return config;
  }

  private static Map<String, Object> volume(Volume volume) {
    return Map.of(
        "containerPath", volume.containerPath(),
        "hostPath", volume.hostPath(),
        "mode", volume.mode().name());
  }

  private static Map<String, Object> ulimits(Map<String, Ulimit> ulimits) {
    Map<String, Object> out = new TreeMap<>();
    ulimits.forEach(
        (name, limit) -> out.put(name, Map.of("soft", limit.soft(), "hard", limit.hard())));
    return out;
  }

  static String md5Hex(String text) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  private static String prefix(String text) {
    return text.length() <= SHORT ? text : text.substring(0, SHORT);
  }
}
