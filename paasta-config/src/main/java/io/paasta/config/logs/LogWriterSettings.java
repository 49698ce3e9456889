package io.paasta.config.logs;

import io.paasta.model.SystemConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where log lines go, from the system config's {@code log_writer}: {@code {"driver": "file",
 * "options": {"path_format": "/var/log/paasta_logs/{service}.log", "max_file_bytes": 104857600,
 * "keep_files": 4}}}, or {@code {"driver": "null"}} (nothing is written). Without {@code
 * log_writer}, a file per service under the daemon's state directory. The older form with a single
 * {@code path} is read as a {@code path_format} without placeholders.
 *
 * @param pathFormat empty for the {@code null} driver
 * @param maxFileBytes a file is rotated before it would grow beyond this
 * @param keepFiles rotated files kept beside the current one ({@code .1} the newest)
 * @param problems what of {@code log_writer} could not be used (the defaults then apply)
 */
public record LogWriterSettings(
    Optional<String> pathFormat, long maxFileBytes, int keepFiles, List<String> problems) {
  public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;
  public static final int DEFAULT_KEEP_FILES = 4;
  public static final String DEFAULT_STATE_DIR = "/var/lib/paasta/state";

  public LogWriterSettings {
    problems = List.copyOf(problems);
  }

  /** The default: {@code <stateDir>/logs/{service}.log}. */
  public static LogWriterSettings defaults(Path stateDir) {
    return new LogWriterSettings(
        Optional.of(stateDir.resolve("logs").resolve("{service}.log").toString()),
        DEFAULT_MAX_FILE_BYTES,
        DEFAULT_KEEP_FILES,
        List.of());
  }

  /** Writes nothing. */
  public static LogWriterSettings none() {
    return new LogWriterSettings(Optional.empty(), 0, 0, List.of());
  }

  public boolean writes() {
    return pathFormat.isPresent();
  }

  /**
   * The settings of {@code system}'s {@code log_writer}, else the default under {@code stateDir}.
   */
  public static LogWriterSettings from(SystemConfig system, Path stateDir) {
    return from(system.raw().get("log_writer"), stateDir, system.raw().containsKey("log_writer"));
  }

  static LogWriterSettings from(Object writer, Path stateDir, boolean given) {
    LogWriterSettings defaults = defaults(stateDir);
    if (given && writer == null) {
      return none();
    }
    if (!(writer instanceof Map<?, ?> map)) {
      return defaults;
    }
    List<String> problems = new ArrayList<>();
    Object driver = map.get("driver");
    if ("null".equals(driver)) {
      return none();
    }
    if (!"file".equals(driver)) {
      problems.add(
          "log_writer.driver is "
              + driver
              + ": expected \"file\" or \"null\"; writing to "
              + defaults.pathFormat().get());
      return new LogWriterSettings(
          defaults.pathFormat(), defaults.maxFileBytes(), defaults.keepFiles(), problems);
    }
    Map<?, ?> options = map.get("options") instanceof Map<?, ?> o ? o : Map.of();
    Object format =
        options.containsKey("path_format") ? options.get("path_format") : options.get("path");
    Optional<String> pathFormat = defaults.pathFormat();
    if (format instanceof String text && !text.isBlank()) {
      pathFormat = Optional.of(text);
    } else {
      problems.add(
          "log_writer.options.path_format is "
              + format
              + ": expected a path such as \"/var/log/paasta_logs/{service}.log\"; writing to "
              + defaults.pathFormat().get());
    }
    long maxBytes = positive(options, "max_file_bytes", DEFAULT_MAX_FILE_BYTES, 4096, problems);
    int keep = (int) positive(options, "keep_files", DEFAULT_KEEP_FILES, 0, problems);
    return new LogWriterSettings(pathFormat, maxBytes, keep, problems);
  }

  private static long positive(
      Map<?, ?> options, String key, long fallback, long minimum, List<String> problems) {
    Object value = options.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.longValue() >= minimum && n.doubleValue() == n.longValue()) {
      return n.longValue();
    }
    problems.add(
        "log_writer.options."
            + key
            + " is "
            + value
            + ": expected a whole number of at least "
            + minimum
            + "; using "
            + fallback);
    return fallback;
  }
}
