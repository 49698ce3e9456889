package io.paasta.config.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;

/**
 * How a scheduled local date-time becomes an instant in a zone with daylight-saving changes (issue
 * 14): a local time that occurs twice runs once, at its first occurrence; a local time that does
 * not exist (the clock jumps over it) is skipped by schedules that run more often than daily and,
 * for daily or longer schedules, runs at the first valid instant after the gap (the moment of the
 * jump).
 */
record WallClock(ZoneId zone, ZoneRules rules) {
  /** The most a zone's clocks are set back at once (tzdb's largest is 2 h, Antarctica/Troll). */
  static final Duration MAX_SHIFT = Duration.ofHours(3);

  static WallClock of(ZoneId zone) {
    return new WallClock(zone, zone.getRules());
  }

  /**
   * The instant {@code local} runs at; empty when it falls in a gap and {@code gapRunsAfter} is
   * false.
   */
  Optional<Instant> instant(LocalDateTime local, boolean gapRunsAfter) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.size() == 1) {
      return Optional.of(local.toInstant(offsets.get(0)));
    }
    if (offsets.size() == 2) {
      Instant a = local.toInstant(offsets.get(0));
      Instant b = local.toInstant(offsets.get(1));
      return Optional.of(a.isBefore(b) ? a : b);
    }
    if (!gapRunsAfter) {
      return Optional.empty();
    }
    ZoneOffsetTransition gap = rules.getTransition(local);
    return Optional.of(gap.getInstant());
  }

  /** The local date-time of {@code t}. */
  LocalDateTime local(Instant t) {
    return LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), rules.getOffset(t));
  }

  /**
   * How far the clocks were set back in the {@link #MAX_SHIFT} before {@code t}: local times up to
   * that much after {@code t}'s ran (at their first occurrence) before {@code t}. Zero most of the
   * time.
   */
  Duration wentBackBy(Instant t) {
    if (rules.isFixedOffset()) {
      return Duration.ZERO;
    }
    int back =
        rules.getOffset(t.minus(MAX_SHIFT)).getTotalSeconds()
            - rules.getOffset(t).getTotalSeconds();
    return back > 0 ? Duration.ofSeconds(back) : Duration.ZERO;
  }
}
