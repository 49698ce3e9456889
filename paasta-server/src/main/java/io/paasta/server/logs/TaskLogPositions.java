package io.paasta.server.logs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.server.StateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far each task's output was stored (the engine's time of its last line, to the nanosecond) and
 * which lifecycle lines were stored, kept in {@code <state-dir>/logs/positions.json} so that the
 * collector resumes after a daemon restart without gaps or repeats. Saved (flushed to disk) at most
 * every {@code saveEvery} while lines come, and on {@link #save}; in between, the positions of each
 * batch of lines stored ({@link #storedAll}) are appended to a journal beside it ({@code
 * positions.json.journal}, not flushed: it outlives a killed daemon, not a crashed machine) that
 * loading replays, so that a daemon killed with SIGKILL repeats at most the batch it was storing.
 * Tasks not heard of for {@code forgetAfter} are forgotten. Thread-safe.
 */
final class TaskLogPositions {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One task: its last stored output time, its stored lifecycle messages, when last heard of. */
  record Task(String stored, List<String> lifecycle, String heard) {}

  private final Path file;
  private final Path journal;
  private final Clock clock;
  private final Duration saveEvery;
  private final Duration forgetAfter;
  private final Map<String, Instant> stored = new HashMap<>();
  private final Map<String, List<String>> lifecycle = new HashMap<>();
  private final Map<String, Instant> heard = new HashMap<>();
  private Instant lastSave = Instant.EPOCH;

  TaskLogPositions(Path file, Clock clock, Duration saveEvery, Duration forgetAfter) {
    this.file = file;
    this.journal = file.resolveSibling(file.getFileName() + ".journal");
    this.clock = clock;
    this.saveEvery = saveEvery;
    this.forgetAfter = forgetAfter;
    load();
  }

  synchronized Optional<Instant> storedUpTo(String taskId) {
    return Optional.ofNullable(stored.get(taskId));
  }

  /** Remembers that {@code taskId}'s output was stored up to {@code at}. */
  synchronized void stored(String taskId, Instant at) {
    stored.merge(taskId, at, (a, b) -> a.isAfter(b) ? a : b);
    heard.put(taskId, clock.instant());
    saveIfDue();
  }

  /**
   * Remembers how far each task's output was stored by one batch (the last instant of each): kept
   * in the journal at once unless a save is due.
   */
  synchronized void storedAll(Map<String, Instant> lastByTask) {
    StringBuilder lines = new StringBuilder(lastByTask.size() * 100);
    lastByTask.forEach(
        (taskId, at) -> {
          stored.merge(taskId, at, (a, b) -> a.isAfter(b) ? a : b);
          heard.put(taskId, clock.instant());
          lines.append(taskId).append(' ').append(at).append('\n');
        });
    if (Duration.between(lastSave, clock.instant()).compareTo(saveEvery) >= 0) {
      save();
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          journal,
          lines,
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the next save keeps them; a daemon killed meanwhile repeats the lines since the last save
    }
  }

  /** Whether the lifecycle line is new (and remembers it); a task with one has a position. */
  synchronized boolean firstLifecycle(String taskId, String message) {
    List<String> messages = lifecycle.computeIfAbsent(taskId, id -> new ArrayList<>());
    heard.put(taskId, clock.instant());
    stored.putIfAbsent(taskId, Instant.EPOCH);
    if (messages.contains(message)) {
      return false;
    }
    messages.add(message);
    lastSave = Instant.EPOCH; // lifecycle lines are rare: saved at once
    saveIfDue();
    return true;
  }

  private void saveIfDue() {
    if (Duration.between(lastSave, clock.instant()).compareTo(saveEvery) >= 0) {
      save();
    }
  }

  /** Writes the positions now (failures are left for the next save). */
  synchronized void save() {
    lastSave = clock.instant();
    Instant forget = clock.instant().minus(forgetAfter);
    heard.entrySet().removeIf(e -> e.getValue().isBefore(forget));
    stored.keySet().retainAll(heard.keySet());
    lifecycle.keySet().retainAll(heard.keySet());
    Map<String, Task> tasks = new HashMap<>();
    heard.forEach(
        (id, when) ->
            tasks.put(
                id,
                new Task(
                    stored.getOrDefault(id, Instant.EPOCH).toString(),
                    lifecycle.getOrDefault(id, List.of()),
                    when.toString())));
    try {
      Files.createDirectories(file.getParent());
      StateFiles.replace(file, JSON.writeValueAsBytes(tasks));
      Files.deleteIfExists(journal); // all it held is in the file now
    } catch (IOException e) {
      // the next save tries again; a restart meanwhile repeats at most the lines since the last
    }
  }

  private void load() {
    if (Files.exists(file)) {
      loadFile();
    }
    replayJournal();
  }

  /** Each line {@code <task id> <instant>}; a line cut by a kill is passed over. */
  private void replayJournal() {
    List<String> lines;
    try {
      lines = Files.readAllLines(journal);
    } catch (IOException e) {
      return; // none
    }
    for (String line : lines) {
      int space = line.indexOf(' ');
      if (space <= 0) {
        continue;
      }
      try {
        Instant at = Instant.parse(line.substring(space + 1));
        String taskId = line.substring(0, space);
        stored.merge(taskId, at, (a, b) -> a.isAfter(b) ? a : b);
        heard.putIfAbsent(taskId, clock.instant());
      } catch (java.time.format.DateTimeParseException e) {
        // cut by a kill
      }
    }
  }

  private void loadFile() {
    try {
      Map<String, Task> tasks = JSON.readValue(file.toFile(), new TypeReference<>() {});
      tasks.forEach(
          (id, task) -> {
            stored.put(id, Instant.parse(task.stored()));
            lifecycle.put(id, new ArrayList<>(task.lifecycle()));
            heard.put(id, Instant.parse(task.heard()));
          });
    } catch (IOException | RuntimeException e) {
      // unreadable: output is collected again from the tasks' start (repeats, no gaps)
      stored.clear();
      lifecycle.clear();
      heard.clear();
    }
  }
}
