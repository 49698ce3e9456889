package io.paasta.server.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.validate.RunLimits;
import io.paasta.config.validate.SchemaValidator;
import io.paasta.config.validate.ServiceCheck;
import io.paasta.model.LongRunningConfig;
import io.paasta.server.DaemonLog;
import io.paasta.server.status.StatusRegistry;
import io.paasta.testing.ManualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads of one service that overlap (the watcher's thread, the settle retry and the periodic scan
 * each reload a service): the load that read the files last is the one acted on, and the kept copy
 * is not broken by a concurrent save or scan. Scripted: the first load is held (in its log line,
 * before it is recorded) while the second one runs, as a slow thread on a loaded machine would be.
 */
class ServiceConfigsConcurrencyTest {
  private static final Duration AT_MOST = Duration.ofSeconds(30);

  @TempDir Path root;
  @TempDir Path state;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T12:00:00Z"));
  private final StatusRegistry status = new StatusRegistry();

  /** The first load of an empty instance file: held in its log line until released. */
  private final CountDownLatch firstLoadHeld = new CountDownLatch(1);

  private final AtomicReference<Thread> second = new AtomicReference<>();

  /** Run once in a load's "file is empty" warning (after the files were read and checked). */
  private final AtomicReference<Runnable> duringALoad = new AtomicReference<>();

  private ServiceConfigs configs() {
    SoaConfigsLoader loader = SoaConfigsLoader.open(root);
    DaemonLog log =
        new DaemonLog(
            new PrintStream(OutputStream.nullOutputStream()),
            clock,
            (level, subject, message) -> {
              if (message.contains("file is empty") && duringALoad.get() != null) {
                duringALoad.getAndSet(null).run();
              } else if (message.contains("file is empty") && firstLoadHeld.getCount() > 0) {
                firstLoadHeld.countDown();
                holdUntilTheSecondLoadIsDoneOrWaits();
              }
            });
    return new ServiceConfigs(
        loader,
        new ServiceCheck(loader, new SchemaValidator(), RunLimits.defaults()),
        status,
        log,
        clock,
        new FileSettle(FileSettle.DEFAULT_SETTLE),
        LastGoodConfigs.in(state),
        Optional.empty());
  }

  /** Returns once the second load has finished, or waits for this one (bounded). */
  private void holdUntilTheSecondLoadIsDoneOrWaits() {
    long deadline = System.nanoTime() + AT_MOST.toNanos();
    while (System.nanoTime() < deadline) {
      Thread other = second.get();
      if (other != null) {
        Thread.State s = other.getState();
        if (s == Thread.State.TERMINATED
            || s == Thread.State.BLOCKED
            || s == Thread.State.WAITING) {
          return;
        }
      }
      Thread.onSpinWait();
    }
  }

  /** Writes a file last modified a minute ago (settled). */
  private void file(String relative, String text) throws IOException {
    Path path = root.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
    Files.setLastModifiedTime(path, FileTime.from(clock.instant().minusSeconds(60)));
  }

  @Test
  void ofTwoOverlappingLoadsOfAServiceTheOneThatReadLastIsActedOn() throws Exception {
    ServiceConfigs configs = configs();
    file("web/marathon-dev.yaml", "main: {instances: 2}\n");
    configs.reloadAll();
    long generation = configs.generation("web");

    file("web/marathon-dev.yaml", ""); // truncated by a cp that is about to write
    Thread first = new Thread(() -> configs.reload("web"), "first-load");
    first.start();
    assertThat(firstLoadHeld.await(AT_MOST.toSeconds(), TimeUnit.SECONDS)).isTrue();

    file("web/marathon-dev.yaml", "main: {instances: 3}\n"); // the cp's write
    Thread secondLoad = new Thread(() -> configs.reload("web"), "second-load");
    second.set(secondLoad);
    secondLoad.start();
    secondLoad.join(AT_MOST.toMillis());
    first.join(AT_MOST.toMillis());

    assertThat(configs.service("web").orElseThrow().service().instances())
        .as("the instances of the load that read the files last")
        .singleElement()
        .extracting(i -> ((LongRunningConfig) i).instances())
        .isEqualTo(3);
    assertThat(configs.generation("web")).isGreaterThan(generation);
    assertThat(Files.readString(state.resolve("last-good-configs/web/marathon-dev.yaml")))
        .as("the kept copy")
        .isEqualTo("main: {instances: 3}\n");
  }

  @Test
  void filesChangedBetweenTheirCheckAndTheCopyDoNotReplaceTheLastGoodCopy() throws Exception {
    ServiceConfigs configs = configs();
    file("web/marathon-dev.yaml", "main: {instances: 2}\n");
    configs.reloadAll();
    Path kept = state.resolve("last-good-configs/web/marathon-dev.yaml");
    assertThat(kept).hasContent("main: {instances: 2}");

    file("web/marathon-dev.yaml", "main: {instances: 3}\n");
    file("web/marathon-prod.yaml", ""); // warned of: the load stops there once checked
    duringALoad.set(
        () -> {
          try {
            file("web/marathon-dev.yaml", "main: {instances: -1, cpus: broken}\n"); // an editor
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    configs.reload("web");

    assertThat(duringALoad.get()).as("the edit came during the load").isNull();
    assertThat(kept)
        .as("the last good copy: not the broken edit that came after the check")
        .hasContent("main: {instances: 2}");
    assertThat(state.resolve("last-good-configs/web/marathon-prod.yaml")).doesNotExist();

    configs.reload("web"); // the reload the edit brings: broken, so nothing is kept of it
    assertThat(kept).hasContent("main: {instances: 2}");
    assertThat(configs.service("web").orElseThrow().service().instances())
        .singleElement()
        .extracting(i -> ((LongRunningConfig) i).instances())
        .isEqualTo(3);

    file("web/marathon-dev.yaml", "main: {instances: 3} # mended\n"); // the config acted on
    configs.reload("web");
    assertThat(kept)
        .as("the same config as the one acted on, not kept yet: kept now")
        .hasContent("main: {instances: 3} # mended");
  }
}
