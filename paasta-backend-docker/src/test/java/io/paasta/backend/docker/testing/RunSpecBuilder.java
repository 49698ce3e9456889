package io.paasta.backend.docker.testing;

import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.Ulimit;
import io.paasta.model.Volume;
import io.paasta.planning.app.RunSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Run specs for tests, with small resources and no health check unless told. */
public final class RunSpecBuilder {
  private final String image;
  private Optional<String> cmd = Optional.empty();
  private List<String> args = List.of();
  private final Map<String, String> env = new HashMap<>();
  private double memMb = 64;
  private long memSwapMb = 128;
  private long cpuPeriodUs = 100_000;
  private long cpuQuotaUs = 10_000;
  private final List<Volume> volumes = new ArrayList<>();
  private final Map<String, Ulimit> ulimits = new HashMap<>();
  private final List<String> capAdd = new ArrayList<>();
  private final Map<String, String> extraDockerArgs = new HashMap<>();
  private Healthcheck healthcheck = check(HealthcheckMode.NONE, "/status", 60, 10, 30);
  private int portCount = 1;
  private final Map<String, String> labels = new HashMap<>();

  private RunSpecBuilder(String image) {
    this.image = image;
  }

  public static RunSpecBuilder image(String image) {
    return new RunSpecBuilder(image);
  }

  /** hello-web's web server on $PORT0, started by an init so that it stops at once. */
  public static RunSpecBuilder helloWeb(String image) {
    return image(image).cmd("httpd -f -p 127.0.0.1:$PORT0 -h /www").extraDockerArg("init", "true");
  }

  public static Healthcheck check(
      HealthcheckMode mode, String uri, double grace, double interval, int maxFailures) {
    return new Healthcheck(mode, uri, Optional.empty(), grace, interval, 2, maxFailures);
  }

  public static Healthcheck cmdCheck(String cmd, double grace, double interval, int maxFailures) {
    return new Healthcheck(
        HealthcheckMode.CMD, "/status", Optional.of(cmd), grace, interval, 2, maxFailures);
  }

  public RunSpecBuilder cmd(String value) {
    this.cmd = Optional.of(value);
    return this;
  }

  public RunSpecBuilder args(String... values) {
    this.args = List.of(values);
    return this;
  }

  public RunSpecBuilder env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public RunSpecBuilder memMb(double mem, long swap) {
    this.memMb = mem;
    this.memSwapMb = swap;
    return this;
  }

  public RunSpecBuilder cpu(long periodUs, long quotaUs) {
    this.cpuPeriodUs = periodUs;
    this.cpuQuotaUs = quotaUs;
    return this;
  }

  public RunSpecBuilder volume(Volume volume) {
    volumes.add(volume);
    return this;
  }

  public RunSpecBuilder ulimit(String name, long soft, long hard) {
    ulimits.put(name, new Ulimit(soft, hard));
    return this;
  }

  public RunSpecBuilder capAdd(String capability) {
    capAdd.add(capability);
    return this;
  }

  public RunSpecBuilder extraDockerArg(String flag, String value) {
    extraDockerArgs.put(flag, value);
    return this;
  }

  public RunSpecBuilder healthcheck(Healthcheck check) {
    this.healthcheck = check;
    return this;
  }

  public RunSpecBuilder portCount(int count) {
    this.portCount = count;
    return this;
  }

  public RunSpecBuilder label(String name, String value) {
    labels.put(name, value);
    return this;
  }

  public RunSpec build() {
    return new RunSpec(
        image,
        cmd,
        args,
        env,
        0.1,
        memMb,
        512,
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
