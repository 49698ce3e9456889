package io.paasta.server.loop;

import io.paasta.server.desired.FileSettle;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Watches the soa-configs directory and each service folder, and tells which file of which service
 * changed and how: written in place, placed (renamed or created into place) or removed;
 * deployments.json included. New service folders are watched as they appear. Runs on its own thread
 * until closed.
 */
public final class SoaDirWatcher implements AutoCloseable {
  /**
   * Told of each change; {@code file} is empty when a whole service (or, for "", anything) may have
   * changed.
   */
  public interface Listener {
    void changed(String service, String file, FileSettle.Change change);
  }

  private final Path root;
  private final Listener onServiceChanged;
  private final WatchService watcher;
  private final Map<WatchKey, String> serviceOfKey = new HashMap<>();
  private final Thread thread;

  public SoaDirWatcher(Path root, Listener onServiceChanged) throws IOException {
    this.root = root;
    this.onServiceChanged = onServiceChanged;
    this.watcher = FileSystems.getDefault().newWatchService();
    register(root, "");
    try (var entries = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path dir : entries) {
        register(dir, dir.getFileName().toString());
      }
    }
    this.thread = new Thread(this::run, "soa-dir-watcher");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void register(Path dir, String service) throws IOException {
    WatchKey key =
        dir.register(
            watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
    serviceOfKey.put(key, service);
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watcher.poll(1, TimeUnit.SECONDS);
        if (key == null) {
          continue;
        }
        String service = serviceOfKey.getOrDefault(key, "");
        for (WatchEvent<?> event : key.pollEvents()) {
          handle(service, event);
        }
        if (!key.reset()) {
          serviceOfKey.remove(key);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    }
  }

  private void handle(String service, WatchEvent<?> event) {
    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
      onServiceChanged.changed(service, "", FileSettle.Change.WRITTEN);
      return;
    }
    Path name = (Path) event.context();
    if (service.isEmpty()) {
      Path dir = root.resolve(name);
      if (Files.isDirectory(dir)) {
        try {
          register(dir, name.toString());
        } catch (IOException e) {
          // reported by the next pass's load of that service
        }
      }
      onServiceChanged.changed(name.toString(), "", FileSettle.Change.PLACED);
    } else if (!name.toString().startsWith(".")) {
      onServiceChanged.changed(service, name.toString(), changeOf(event));
    }
  }

  private static FileSettle.Change changeOf(WatchEvent<?> event) {
    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
      return FileSettle.Change.PLACED; // inotify's moved_to or create: a write would follow
    }
    return event.kind() == StandardWatchEventKinds.ENTRY_DELETE
        ? FileSettle.Change.REMOVED
        : FileSettle.Change.WRITTEN;
  }

  @Override
  public void close() throws IOException {
    watcher.close();
    thread.interrupt();
  }
}
