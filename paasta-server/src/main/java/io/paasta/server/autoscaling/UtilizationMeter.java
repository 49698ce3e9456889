package io.paasta.server.autoscaling;

import io.paasta.model.LongRunningConfig;
import io.paasta.planning.autoscaling.AutoscalingParams;
import io.paasta.planning.autoscaling.AutoscalingParams.MetricsProvider;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.backend.CpuSample;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The metrics providers of SPEC section 11, over an instance's healthy running tasks (each task
 * asked in parallel): {@code cpu} (CPU seconds per wall second over the instance's {@code cpus},
 * from the backend's samples: the previous decision's sample of the task, else the engine's own
 * earlier one), {@code http} and {@code uwsgi} (each task's endpoint on its port).
 */
public final class UtilizationMeter implements AutoCloseable {
  private static final int THREADS = 8;

  private final Backend backend;
  private final TaskMetricsClient client;
  private final ExecutorService pool;

  /**
   * Each task's sample at the previous decision (a cache: a restart falls back to the engine's).
   */
  private final Map<String, CpuSample> lastCpu = new ConcurrentHashMap<>();

  public UtilizationMeter(Backend backend, TaskMetricsClient client) {
    this.backend = backend;
    this.client = client;
    this.pool =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "paasta-autoscaler-metrics");
              t.setDaemon(true);
              return t;
            });
  }

  public Measurement measure(
      AutoscalingParams params, LongRunningConfig config, ObservedInstance observed) {
    List<ObservedTask> healthy =
        observed.tasks().stream()
            .filter(t -> t.isRunning() && t.health() == HealthState.HEALTHY)
            .toList();
    if (healthy.isEmpty()) {
      return Measurement.of(List.of(), 0, List.of(), "no healthy task to measure");
    }
    Function<ObservedTask, TaskReading> read =
        params.provider() == MetricsProvider.CPU
            ? task -> cpu(task, config.container().cpus())
            : task -> endpoint(task, params);
    List<Future<TaskReading>> asked = new ArrayList<>();
    for (ObservedTask task : healthy) {
      asked.add(pool.submit(() -> read.apply(task)));
    }
    List<Double> values = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      TaskReading reading = result(asked.get(i));
      String task = healthy.get(i).id().substring(0, Math.min(12, healthy.get(i).id().length()));
      if (reading instanceof TaskReading.Value v) {
        values.add(v.utilization());
      } else if (reading instanceof TaskReading.Skipped s) {
        (s.warn() ? warnings : skipped).add("task " + task + ": " + s.why());
      }
    }
    return Measurement.of(
        values,
        healthy.size(),
        warnings,
        "no utilization from any of "
            + healthy.size()
            + " healthy tasks ("
            + params.provider().wireName()
            + "): "
            + String.join("; ", skipped.isEmpty() ? warnings : skipped));
  }

  /** Forgets the samples of tasks that are no longer running anywhere. */
  public void retainTasks(java.util.Set<String> running) {
    lastCpu.keySet().retainAll(running);
  }

  private TaskReading cpu(ObservedTask task, double cpus) {
    Optional<CpuSample> sample = backend.cpuSample(task.id());
    if (sample.isEmpty()) {
      return new TaskReading.Skipped("no CPU stats from the engine", false);
    }
    CpuSample now = sample.get();
    CpuSample before = lastCpu.put(task.id(), now);
    OptionalDouble rate = OptionalDouble.empty();
    if (before != null && before.at().isBefore(now.at())) {
      rate = now.rateSince(before);
    }
    if (rate.isEmpty() && now.previous().isPresent()) {
      rate = now.rateSince(now.previous().get());
    }
    if (rate.isEmpty()) {
      return new TaskReading.Skipped("a second CPU sample is needed", false);
    }
    return new TaskReading.Value(rate.getAsDouble() / cpus);
  }

  private TaskReading endpoint(ObservedTask task, AutoscalingParams params) {
    if (task.port0().isEmpty()) {
      return new TaskReading.Skipped("it has no port", false);
    }
    return client.read(params.provider(), task.port0().getAsInt(), params.endpoint());
  }

  private static TaskReading result(Future<TaskReading> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new TaskReading.Skipped("interrupted", false);
    } catch (ExecutionException e) {
      return new TaskReading.Skipped(String.valueOf(e.getCause()), false);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
