package io.paasta.server.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher on a real folder (the kernel's inotify): service files, and the {@code secrets/}
 * folders a rotation writes to, of a service ({@code SECRET(name)}) and of {@code _shared} ({@code
 * SHARED_SECRET(name)}, which any service may use: told as "anything may have changed").
 */
class SoaDirWatcherTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path soa;
  private final List<String> told = new CopyOnWriteArrayList<>();
  private SoaDirWatcher watcher;

  private void watch() throws IOException {
    watcher =
        new SoaDirWatcher(
            soa, (service, file, change) -> told.add(service + "|" + file + "|" + change));
    watcher.start();
  }

  @AfterEach
  void close() throws IOException {
    if (watcher != null) {
      watcher.close();
    }
  }

  /** As `paasta secret update` writes: a hidden temporary file renamed into place. */
  private static void writeSecret(Path folder, String name) throws IOException {
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + name + ".json", ".tmp");
    Files.writeString(temp, "{\"environments\": {}}\n");
    Files.move(
        temp,
        folder.resolve(name + ".json"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void aServiceFileIsToldWithItsName() throws Exception {
    Files.createDirectories(soa.resolve("web"));
    watch();

    Files.writeString(soa.resolve("web/marathon-norcal.yaml"), "main: {}\n");

    await().atMost(WAIT).until(() -> told.contains("web|marathon-norcal.yaml|PLACED"));
  }

  @Test
  void aRotatedSecretOfAServiceIsAChangeOfThatService() throws Exception {
    writeSecret(soa.resolve("web/secrets"), "db_pass");
    watch();

    writeSecret(soa.resolve("web/secrets"), "db_pass");

    await().atMost(WAIT).until(() -> told.contains("web||PLACED"));
    assertThat(told).noneMatch(t -> t.contains(".db_pass")); // the temporary file is not told
  }

  @Test
  void aRotatedSharedSecretIsAChangeOfAnyService() throws Exception {
    writeSecret(soa.resolve("_shared/secrets"), "api_token");
    Files.createDirectories(soa.resolve("web"));
    watch();

    writeSecret(soa.resolve("_shared/secrets"), "api_token");

    await().atMost(WAIT).until(() -> told.contains("||PLACED"));
    assertThat(told).noneMatch(t -> t.startsWith("_shared|"));
  }

  @Test
  void aSecretsFolderMadeAfterTheStartIsWatchedToo() throws Exception {
    Files.createDirectories(soa.resolve("web"));
    watch();

    // the first `paasta secret add` of a service makes its secrets/ folder
    Files.createDirectories(soa.resolve("web/secrets"));
    await().atMost(WAIT).until(() -> told.contains("web|secrets|PLACED"));
    told.clear();
    writeSecret(soa.resolve("web/secrets"), "db_pass");

    await().atMost(WAIT).until(() -> told.contains("web||PLACED"));
  }
}
