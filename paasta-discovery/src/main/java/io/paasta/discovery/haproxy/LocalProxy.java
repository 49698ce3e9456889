package io.paasta.discovery.haproxy;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.haproxy.RuntimeCommand.AdminState;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's SmartStack proxy as the daemon sees it: one HAProxy routing {@code
 * 127.0.0.1:proxy_port} of each namespace to that namespace's registered endpoints. {@link #apply}
 * is level-triggered: it reads the slot assignment back from HAProxy (so a restarted daemon carries
 * on where the last one stopped), changes endpoints through the runtime API, and reloads only when
 * the frontends change or a backend outgrows its slots. Closing it leaves HAProxy running.
 */
public final class LocalProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalProxy.class);

  private final ProxySettings settings;
  private final HaproxyProcess process;
  private final HaproxyRuntimeClient runtime;
  private final IntPredicate portFree;

  public LocalProxy(ProxySettings settings) {
    this(settings, HaproxyProcess.DEFAULT_BINARY, Duration.ofSeconds(30), LoopbackPorts::isFree);
  }

  public LocalProxy(
      ProxySettings settings, Path haproxyBinary, Duration timeout, IntPredicate portFree) {
    this.settings = settings;
    this.process = new HaproxyProcess(settings, haproxyBinary, timeout);
    this.runtime = process.runtime();
    this.portFree = portFree;
  }

  /**
   * Routes each namespace of {@code frontends} to its endpoints ({@code endpointsByNamespace},
   * keyed by {@code service.namespace}; namespaces without a frontend are ignored). Never throws
   * for bad input: what cannot be routed is named in the result's problems, and the rest is
   * applied.
   */
  public synchronized ApplyResult apply(
      List<FrontendSpec> frontends, Map<String, List<Endpoint>> endpointsByNamespace) {
    List<String> problems = new ArrayList<>();
    boolean running = process.status().isPresent();
    Set<Integer> ownPorts =
        new HashSet<>(
            HaproxyConfigRenderer.frontendPorts(running ? process.runningConfig() : "").values());
    FrontendSelection selection =
        FrontendSelector.select(frontends, settings.statsPort(), ownPorts, portFree);
    problems.addAll(selection.problems());
    List<String> names = selection.accepted().stream().map(FrontendSpec::name).toList();
    EndpointResolver.Resolved resolved = EndpointResolver.resolve(endpointsByNamespace, names);
    problems.addAll(resolved.problems());
    boolean started = false;
    boolean reloaded = false;
    int commands = 0;
    try {
      Map<String, List<ServerSlot>> slots = running ? runtime.showServersState() : Map.of();
      String config = render(selection.accepted(), resolved.targets(), slots);
      if (!running) {
        process.start(config);
        started = true;
      } else if (!config.equals(process.runningConfig())) {
        // what fits the running slots is routed now, not after the reload; the pass after the
        // reload reports what still does not fit
        commands += updateSlots(resolved.targets(), new ArrayList<>());
        Optional<String> failure = process.reload(config);
        failure.ifPresent(problems::add);
        reloaded = failure.isEmpty();
      }
      commands += updateSlots(resolved.targets(), problems);
    } catch (HaproxyException e) {
      problems.add(e.getMessage());
    }
    Map<String, Integer> routed = routed();
    writeServicesFile(routed, problems);
    problems.forEach(p -> LOG.warn("SmartStack proxy: {}", p));
    return new ApplyResult(problems, started, reloaded, commands, routed);
  }

  /**
   * Stops new traffic to one endpoint of a namespace (hacheck's drain): its slot goes to drain.
   * False when no slot of the namespace routes to {@code host:port}.
   */
  public synchronized boolean drain(String namespace, String host, int port) {
    Optional<ServerSlot> slot = slotOf(namespace, host, port);
    slot.ifPresent(s -> runtime.setServerState(namespace, s.name(), AdminState.DRAIN));
    return slot.isPresent();
  }

  /** Whether HAProxy counts the endpoint {@code host:port} of a namespace available (UP...). */
  public synchronized boolean isUp(String namespace, String host, int port) {
    Optional<ServerSlot> slot = slotOf(namespace, host, port);
    if (slot.isEmpty()) {
      return false;
    }
    return stats().backend(namespace).stream()
        .flatMap(b -> b.servers().stream())
        .anyMatch(s -> s.name().equals(slot.get().name()) && s.available());
  }

  /** HAProxy's stats now (for check_haproxy and replication counts). */
  public ProxyStats stats() {
    return runtime.showStat();
  }

  /** The HAProxy process (status, reload count, explicit stop). */
  public HaproxyProcess process() {
    return process;
  }

  /** Successful reloads done through this instance. */
  public int reloads() {
    return process.reloads();
  }

  /** Stops HAProxy. Only for an explicit stop: {@link #close()} leaves it running. */
  public synchronized void stop() {
    process.stop();
  }

  /** Leaves HAProxy running: the data plane outlives the control plane. */
  @Override
  public void close() {}

  private String render(
      List<FrontendSpec> accepted,
      Map<String, List<Target>> targets,
      Map<String, List<ServerSlot>> slots) {
    List<FrontendLayout> layouts = new ArrayList<>();
    for (FrontendSpec spec : accepted) {
      int current = slots.getOrDefault(spec.name(), List.of()).size();
      int wanted = (int) targets.get(spec.name()).stream().map(Target::key).distinct().count();
      layouts.add(
          new FrontendLayout(
              spec, SlotPlanner.slotsNeeded(current, wanted, settings.initialSlots())));
    }
    return HaproxyConfigRenderer.render(settings, layouts);
  }

  /** Plans against the slots HAProxy runs now and sends the commands; returns how many. */
  private int updateSlots(Map<String, List<Target>> targets, List<String> problems) {
    Map<String, List<ServerSlot>> slots = runtime.showServersState();
    Map<String, List<Target>> wanted = new LinkedHashMap<>(targets);
    wanted.keySet().retainAll(slots.keySet());
    SlotPlan plan = SlotPlanner.plan(slots, wanted);
    problems.addAll(plan.problems());
    for (RuntimeCommand command : plan.commands()) {
      LOG.debug("HAProxy runtime: {}", command.cli());
      runtime.execute(command).ifPresent(problems::add);
    }
    return plan.commands().size();
  }

  private Map<String, Integer> routed() {
    return process.status().isPresent()
        ? HaproxyConfigRenderer.frontendPorts(process.runningConfig())
        : Map.of();
  }

  private void writeServicesFile(Map<String, Integer> routed, List<String> problems) {
    settings
        .servicesFile()
        .ifPresent(
            file -> {
              try {
                ServicesFile.write(file, routed);
              } catch (IOException e) {
                problems.add("cannot write the services file " + file + ": " + e.getMessage());
              }
            });
  }

  private Optional<ServerSlot> slotOf(String namespace, String host, int port) {
    String key;
    try {
      key = Addresses.target(EndpointResolver.address(host), port);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
    return runtime.showServersState().getOrDefault(namespace, List.of()).stream()
        .filter(s -> !s.free() && s.target().equals(key))
        .findFirst();
  }
}
