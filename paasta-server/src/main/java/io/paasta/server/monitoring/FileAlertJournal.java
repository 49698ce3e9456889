package io.paasta.server.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.model.InstanceRef;
import io.paasta.monitoring.AlertJournal;
import io.paasta.monitoring.SavedAlerts;
import io.paasta.monitoring.alert.AlertState;
import io.paasta.server.StateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The alert journal in the daemon's state directory ({@code <state-dir>/alerts.json}, see {@link
 * AlertJournalJson}): read once when made, rewritten whole on each change (written aside, then
 * renamed into place, so a crash leaves the old or the new file). A file that cannot be read or is
 * not this journal's is told once and taken as empty (the next change replaces it); a write that
 * fails is told once (until a write succeeds again) and the daemon goes on with its state in
 * memory. Thread-safe; the daemon is the only writer.
 */
public final class FileAlertJournal implements AlertJournal {
  public static final String FILE_NAME = "alerts.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Consumer<String> warn;
  private final SavedAlerts states;
  private boolean writeFailing;

  /** Reads {@code stateDir/alerts.json} (none yet is an empty journal). */
  public FileAlertJournal(Path stateDir, Consumer<String> warn) {
    this.file = stateDir.resolve(FILE_NAME);
    this.warn = warn;
    this.states = read();
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized Map<InstanceRef, Map<String, AlertState>> load() {
    return states.copy();
  }

  @Override
  public synchronized void save(InstanceRef ref, String check, AlertState state) {
    if (states.save(ref, check, state)) {
      write();
    }
  }

  @Override
  public synchronized void clear(InstanceRef ref, String check) {
    if (states.clear(ref, check)) {
      write();
    }
  }

  @Override
  public synchronized void forget(InstanceRef ref) {
    if (states.forget(ref)) {
      write();
    }
  }

  private SavedAlerts read() {
    try {
      return new SavedAlerts(AlertJournalJson.read(JSON.readTree(Files.readAllBytes(file))));
    } catch (NoSuchFileException e) {
      return new SavedAlerts(Map.of());
    } catch (IOException | RuntimeException e) {
      warn.accept(
          "the alert state "
              + file
              + " cannot be read ("
              + e.getMessage()
              + "); monitoring starts without it: alerts sent before this restart are not"
              + " resolved by it, and the file is replaced on the next change");
      return new SavedAlerts(Map.of());
    }
  }

  private void write() {
    try {
      StateFiles.replace(
          file,
          JSON.writerWithDefaultPrettyPrinter()
              .writeValueAsBytes(AlertJournalJson.write(states.copy())));
      writeFailing = false;
    } catch (IOException e) {
      if (!writeFailing) {
        warn.accept(
            "cannot write the alert state "
                + file
                + ": "
                + e
                + " (the daemon's state directory must be writable: --state-dir); alert states"
                + " are kept in memory and a restart forgets them");
      }
      writeFailing = true;
    }
  }
}
