package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import io.paasta.planning.backend.CpuSample;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a container's CPU use from the engine's stats (one reading, not a stream): the engine
 * answers with its current sample and the one before it (about a second earlier).
 */
public final class ContainerStatsClient {
  private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

  private final DockerClient docker;
  private final Duration timeout;

  public ContainerStatsClient(DockerClient docker, Duration timeout) {
    this.docker = docker;
    this.timeout = timeout;
  }

  /** The container's CPU sample; empty when it is gone, stopped or the engine did not answer. */
  public Optional<CpuSample> cpu(String containerId) {
    AtomicReference<Statistics> read = new AtomicReference<>();
    try (ResultCallback.Adapter<Statistics> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onNext(Statistics statistics) {
            read.compareAndSet(null, statistics);
          }
        }) {
      docker
          .statsCmd(containerId)
          .withNoStream(true)
          .exec(callback)
          .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (java.io.IOException e) {
      // closing the callback failed: what was read is still good
    }
    return Optional.ofNullable(read.get()).flatMap(ContainerStatsClient::sample);
  }

  static Optional<CpuSample> sample(Statistics statistics) {
    Optional<Instant> at = instant(statistics.getRead());
    Optional<Long> total = total(statistics.getCpuStats());
    if (at.isEmpty() || total.isEmpty()) {
      return Optional.empty();
    }
    Optional<CpuSample> previous = Optional.empty();
    Optional<Instant> preAt = instant(statistics.getPreread());
    Optional<Long> preTotal = total(statistics.getPreCpuStats());
    if (preAt.isPresent() && preTotal.isPresent() && preAt.get().isBefore(at.get())) {
      previous = Optional.of(new CpuSample(preAt.get(), preTotal.get(), Optional.empty()));
    }
    return Optional.of(new CpuSample(at.get(), total.get(), previous));
  }

  private static Optional<Long> total(CpuStatsConfig cpu) {
    if (cpu == null || cpu.getCpuUsage() == null || cpu.getCpuUsage().getTotalUsage() == null) {
      return Optional.empty();
    }
    return Optional.of(cpu.getCpuUsage().getTotalUsage());
  }

  private static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      Instant at = Instant.parse(text);
      return at.equals(NEVER) || at.isBefore(Instant.EPOCH) ? Optional.empty() : Optional.of(at);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
