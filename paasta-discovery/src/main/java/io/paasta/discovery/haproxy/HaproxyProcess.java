package io.paasta.discovery.haproxy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HAProxy of a host, in master-worker mode ({@code -W -S master.sock}, pid file). It is
 * started in a session of its own ({@code setsid}) so that it outlives the Java process: this class
 * never stops it on its own, and a new instance adopts an HAProxy already running in the state
 * directory (pid file, live process, master socket answering) instead of starting a second one. New
 * configurations are checked with {@code haproxy -c} before use and loaded by a hitless reload
 * (listening sockets are handed over through {@code expose-fd listeners}); servers keep their
 * addresses and states across a reload through the server state file.
 */
public final class HaproxyProcess {
  public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/haproxy");
  private static final Logger LOG = LoggerFactory.getLogger(HaproxyProcess.class);
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final ProxySettings settings;
  private final Path binary;
  private final Duration timeout;
  private final ConfigCheck configCheck;
  private final MasterCli master;
  private final HaproxyRuntimeClient runtime;
  private final HaproxyLog log;
  private int reloads;

  public HaproxyProcess(ProxySettings settings, Path binary, Duration timeout) {
    this.settings = settings;
    this.binary = binary;
    this.timeout = timeout;
    this.configCheck = new ConfigCheck(binary, settings.candidateConfigFile(), timeout);
    this.master = new MasterCli(settings.masterSocket());
    this.runtime = new HaproxyRuntimeClient(settings.adminSocket());
    this.log = new HaproxyLog(settings.logFile());
  }

  public HaproxyRuntimeClient runtime() {
    return runtime;
  }

  /** The running HAProxy of this state directory, if its master answers. */
  public Optional<MasterStatus> status() {
    Optional<Long> pid = pidFromFile();
    if (pid.isEmpty() || !ProcessLiveness.isRunning(pid.get())) {
      return Optional.empty();
    }
    if (!ProcessLiveness.runs(pid.get(), binary)) {
      LOG.warn("pid {} of {} is not {}; not adopting it", pid.get(), settings.pidFile(), binary);
      return Optional.empty();
    }
    return master.showProc().filter(s -> s.masterPid() == pid.get());
  }

  /** The configuration HAProxy runs (the last one it loaded), or "" when there is none. */
  public String runningConfig() {
    try {
      return Files.exists(settings.configFile()) ? Files.readString(settings.configFile()) : "";
    } catch (IOException e) {
      throw new HaproxyException("cannot read " + settings.configFile() + ": " + e, e);
    }
  }

  /** Successful reloads done through this instance. */
  public int reloads() {
    return reloads;
  }

  /** Checks a configuration with {@code haproxy -c}; empty when valid, else HAProxy's alerts. */
  public Optional<String> validate(String config) {
    return configCheck.check(config);
  }

  /** Starts HAProxy with this configuration; fails when one already runs here. */
  public MasterStatus start(String config) {
    if (status().isPresent()) {
      throw new HaproxyException("HAProxy already runs in " + settings.stateDir());
    }
    validate(config)
        .ifPresent(
            error -> {
              throw new HaproxyException("haproxy -c refused the configuration: " + error);
            });
    Process process;
    try {
      install();
      Files.deleteIfExists(settings.serverStateFile()); // servers of an earlier run are stale
      Files.deleteIfExists(settings.pidFile());
      log.truncate();
      process =
          new ProcessBuilder(command())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new HaproxyException("cannot start " + binary + ": " + e.getMessage(), e);
    }
    Polling.until(timeout, () -> !process.isAlive() || ready().isPresent());
    Optional<MasterStatus> started = process.isAlive() ? ready() : Optional.empty();
    if (started.isEmpty()) {
      String why = process.isAlive() ? "did not start within " + timeout : "exited at start";
      process.destroy();
      throw new HaproxyException("HAProxy " + why + ": " + log.alertsSince(0));
    }
    LOG.info(
        "HAProxy started: master {}, workers {}",
        started.get().masterPid(),
        started.get().workerPids());
    return started.get();
  }

  /**
   * Loads a new configuration by a hitless reload. Empty when the new configuration runs; otherwise
   * why not, and the previous configuration keeps running.
   */
  public Optional<String> reload(String config) {
    MasterStatus before =
        status()
            .orElseThrow(
                () -> new HaproxyException("HAProxy does not run in " + settings.stateDir()));
    Optional<String> invalid = validate(config);
    if (invalid.isPresent()) {
      return Optional.of(
          "haproxy -c refused the new configuration, the previous one keeps running: "
              + invalid.get());
    }
    saveServerState();
    String previous = runningConfig();
    long logOffset = log.size();
    try {
      install();
    } catch (IOException e) {
      return Optional.of("cannot install " + settings.configFile() + ": " + e.getMessage());
    }
    master.reload();
    // the master refuses connections while it re-executes itself
    MasterStatus after =
        Polling.until(timeout, () -> master.showProc().filter(s -> s.reloads() > before.reloads()))
            .orElseThrow(
                () ->
                    new HaproxyException(
                        "HAProxy's master did not finish a reload within " + timeout));
    if (after.failedReloads() > before.failedReloads()) {
      restore(previous);
      return Optional.of(
          "HAProxy could not load the new configuration, the previous one keeps running: "
              + log.alertsSince(logOffset));
    }
    reloads++;
    if (!Polling.until(timeout, runtime::answers)) {
      throw new HaproxyException("HAProxy's admin socket did not answer after a reload");
    }
    LOG.info("HAProxy reloaded: workers {} -> {}", before.workerPids(), after.workerPids());
    return Optional.empty();
  }

  /** Stops the HAProxy of this state directory (by its pid, never by name) and waits for it. */
  public void stop() {
    Optional<Long> pid = pidFromFile();
    if (pid.isEmpty() || !ProcessLiveness.isRunning(pid.get())) {
      return;
    }
    if (!ProcessLiveness.runs(pid.get(), binary)) {
      throw new HaproxyException(
          "pid " + pid.get() + " of " + settings.pidFile() + " is not " + binary);
    }
    ProcessHandle.of(pid.get()).ifPresent(ProcessHandle::destroy);
    if (!Polling.until(timeout, () -> !ProcessLiveness.isRunning(pid.get()))) {
      ProcessHandle.of(pid.get()).ifPresent(ProcessHandle::destroyForcibly);
      Polling.until(timeout, () -> !ProcessLiveness.isRunning(pid.get()));
    }
  }

  /** The status of a started HAProxy whose worker answers on the admin socket. */
  private Optional<MasterStatus> ready() {
    return status().filter(s -> !s.workerPids().isEmpty() && runtime.answers());
  }

  private List<String> command() {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    command.addAll(
        List.of(
            binary.toString(),
            "-W",
            "-S",
            settings.masterSocket() + ",mode,600",
            "-p",
            settings.pidFile().toString(),
            "-f",
            settings.configFile().toString()));
    return command;
  }

  private void saveServerState() {
    try {
      String state = runtime.showServersStateText();
      Path temporary = settings.stateDir().resolve("servers.state.new");
      Files.writeString(temporary, state, StandardCharsets.UTF_8);
      Files.move(temporary, settings.serverStateFile(), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | HaproxyException e) {
      LOG.warn(
          "server states not saved before the reload (slots refill after it): {}", e.toString());
    }
  }

  private void install() throws IOException {
    Files.move(
        settings.candidateConfigFile(), settings.configFile(), StandardCopyOption.ATOMIC_MOVE);
  }

  private void restore(String previous) {
    try {
      Files.writeString(settings.configFile(), previous, StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warn("cannot restore {}: {}", settings.configFile(), e.toString());
    }
  }

  private Optional<Long> pidFromFile() {
    try {
      String text = Files.readString(settings.pidFile()).strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text.split("\\s+")[0]));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
