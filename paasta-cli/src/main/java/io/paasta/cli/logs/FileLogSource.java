package io.paasta.cli.logs;

import io.paasta.cli.UserException;
import io.paasta.config.logs.LogEntry;
import io.paasta.config.logs.LogFileReader;
import io.paasta.config.logs.LogFollower;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;

/** The log files of this host, as the local {@code log_writer} wrote them (no API needed). */
public final class FileLogSource implements LogSource {
  private static final long POLL_MILLIS = 50;

  private final String cluster;
  private final String pathFormat;

  public FileLogSource(String cluster, String pathFormat) {
    this.cluster = cluster;
    this.pathFormat = pathFormat;
  }

  @Override
  public String describe() {
    return "cluster " + cluster + "'s log files " + pathFormat;
  }

  @Override
  public Result read(LogQuery query) {
    LogFileReader reader = new LogFileReader(pathFormat);
    try {
      LogFileReader.Read read =
          query.byTime()
              ? reader.range(
                  query.service(),
                  query.filter(),
                  query.from().orElse(Instant.EPOCH),
                  query.to().orElse(Instant.MAX),
                  Integer.MAX_VALUE)
              : reader.tail(query.service(), query.filter(), query.lines().orElse(100));
      return new Result(read.entries(), reader.hasLogs(query.service()), read.invalidLines());
    } catch (IOException e) {
      throw new UserException("cannot read " + describe() + ": " + e.getMessage());
    }
  }

  @Override
  public void follow(LogQuery query, Consumer<LogEntry> each) throws InterruptedException {
    try (LogFollower follower = new LogFollower(pathFormat, query.service(), query.filter())) {
      while (!Thread.currentThread().isInterrupted()) {
        follower.poll().forEach(each);
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException e) {
      throw new UserException("cannot follow " + describe() + ": " + e.getMessage());
    }
  }
}
