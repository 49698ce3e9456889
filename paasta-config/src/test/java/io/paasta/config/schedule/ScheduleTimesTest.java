package io.paasta.config.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.schedule.RunTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTimesTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /**
   * Amsterdam: 2026-03-29 02:00 CET jumps to 03:00 CEST (01:00Z); 2026-10-25 03:00 CEST falls back
   * to 02:00 CET (01:00Z). New York: 2026-03-08 02:00 EST jumps to 03:00 EDT (07:00Z); 2026-11-01
   * 02:00 EDT falls back to 01:00 EST (06:00Z).
   */
  @ParameterizedTest(name = "{0} {1} after {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // daily through the spring gap: the missing 02:30 runs at the jump, once
        "Europe/Amsterdam | 30 2 * * * | 2026-03-28T00:00:00Z | 2026-03-28T01:30:00Z 2026-03-29T01:00:00Z 2026-03-30T00:30:00Z",
        // hourly through the spring gap: the missing 02:30 is skipped
        "Europe/Amsterdam | 30 * * * * | 2026-03-29T00:00:00Z | 2026-03-29T00:30:00Z 2026-03-29T01:30:00Z 2026-03-29T02:30:00Z",
        // daily through the autumn overlap: 02:30 runs once, at its first occurrence (CEST)
        "Europe/Amsterdam | 30 2 * * * | 2026-10-24T00:00:00Z | 2026-10-24T00:30:00Z 2026-10-25T00:30:00Z 2026-10-26T01:30:00Z",
        // hourly through the autumn overlap: the second 02:30 (CET) does not run
        "Europe/Amsterdam | 30 * * * * | 2026-10-24T23:00:00Z | 2026-10-24T23:30:00Z 2026-10-25T00:30:00Z 2026-10-25T02:30:00Z",
        // weekly (Sundays) through the spring gap: at the jump
        "America/New_York | 30 2 * * 0 | 2026-03-01T00:00:00Z | 2026-03-01T07:30:00Z 2026-03-08T07:00:00Z 2026-03-15T06:30:00Z",
        // daily through the autumn overlap: the first 01:30 (EDT)
        "America/New_York | 30 1 * * * | 2026-10-31T00:00:00Z | 2026-10-31T05:30:00Z 2026-11-01T05:30:00Z 2026-11-02T06:30:00Z",
        // every 30 minutes through the autumn overlap: 01:00 and 01:30 EST already ran in EDT
        "America/New_York | */30 * * * * | 2026-11-01T05:00:00Z | 2026-11-01T05:30:00Z 2026-11-01T07:00:00Z 2026-11-01T07:30:00Z",
        // every 30 minutes through the spring gap: 02:00 and 02:30 do not exist
        "America/New_York | */30 * * * * | 2026-03-08T06:00:00Z | 2026-03-08T06:30:00Z 2026-03-08T07:00:00Z 2026-03-08T07:30:00Z",
        // nicknames
        "America/New_York | @daily | 2026-06-01T00:00:00Z | 2026-06-01T04:00:00Z 2026-06-02T04:00:00Z",
        "UTC | @hourly | 2026-06-01T00:00:00Z | 2026-06-01T01:00:00Z 2026-06-01T02:00:00Z",
        "UTC | @weekly | 2026-01-01T00:00:00Z | 2026-01-04T00:00:00Z 2026-01-11T00:00:00Z",
        "UTC | @monthly | 2026-01-01T00:00:00Z | 2026-02-01T00:00:00Z 2026-03-01T00:00:00Z",
        "UTC | @yearly | 2026-01-01T00:00:00Z | 2027-01-01T00:00:00Z 2028-01-01T00:00:00Z",
        "UTC | @annually | 2026-01-01T00:00:00Z | 2027-01-01T00:00:00Z",
        "UTC | @midnight | 2026-01-01T00:00:00Z | 2026-01-02T00:00:00Z",
        // a day matches either restricted day field (Vixie cron): Friday 2 Jan, then the 9th
        "UTC | 0 0 13 * 5 | 2026-01-01T00:00:00Z | 2026-01-02T00:00:00Z 2026-01-09T00:00:00Z 2026-01-13T00:00:00Z",
        // names, ranges, steps and lists
        "UTC | 15 9 * JAN-MAR/2 mon,FRI | 2026-01-01T00:00:00Z | 2026-01-02T09:15:00Z 2026-01-05T09:15:00Z",
        "UTC | 5/20 0 1 1 * | 2026-01-01T00:00:00Z | 2026-01-01T00:05:00Z 2026-01-01T00:25:00Z 2026-01-01T00:45:00Z 2027-01-01T00:05:00Z",
        "UTC | 0 0 29 2 * | 2026-01-01T00:00:00Z | 2028-02-29T00:00:00Z 2032-02-29T00:00:00Z",
        "UTC | 0 12 * * 7 | 2026-01-01T00:00:00Z | 2026-01-04T12:00:00Z",
        // seconds of the reference instant: strictly after
        "UTC | * * * * * | 2026-01-01T00:00:30Z | 2026-01-01T00:01:00Z 2026-01-01T00:02:00Z",
        // repeating intervals: P1D in a zone stays at the wall-clock time (the gap: at the jump)
        "Europe/Amsterdam | R/2026-03-27T02:30:00/P1D | 2026-03-27T00:00:00Z | 2026-03-27T01:30:00Z 2026-03-28T01:30:00Z 2026-03-29T01:00:00Z 2026-03-30T00:30:00Z",
        "Europe/Amsterdam | R/2026-10-24T02:30:00/P1D | 2026-10-24T00:00:00Z | 2026-10-24T00:30:00Z 2026-10-25T00:30:00Z 2026-10-26T01:30:00Z",
        // PT1H steps in absolute time across the gap
        "Europe/Amsterdam | R/2026-03-29T00:30:00/PT1H | 2026-03-29T00:00:00Z | 2026-03-29T00:30:00Z 2026-03-29T01:30:00Z 2026-03-29T02:30:00Z",
        // the zone wins over the written offset: 09:00 in Amsterdam
        "Europe/Amsterdam | R/2026-01-01T09:00:00Z/P1D | 2026-01-01T12:00:00Z | 2026-01-02T08:00:00Z",
        "America/New_York | R/2026-07-01T09:00:00+02:00/P1W | 2026-07-01T00:00:00Z | 2026-07-01T13:00:00Z 2026-07-08T13:00:00Z",
        // months step in the calendar, from the start (31 Jan, 28 Feb, 31 Mar)
        "UTC | R/2026-01-31T00:00:00Z/P1M | 2026-01-31T00:00:00Z | 2026-02-28T00:00:00Z 2026-03-31T00:00:00Z 2026-04-30T00:00:00Z",
        // before the start: the start
        "UTC | R/2026-05-01T06:00:00Z/PT2H | 2026-01-01T00:00:00Z | 2026-05-01T06:00:00Z 2026-05-01T08:00:00Z",
        // finite: three runs in all, then none
        "UTC | R3/2026-01-01T00:00:00Z/PT1H | 2025-12-31T00:00:00Z | 2026-01-01T00:00:00Z 2026-01-01T01:00:00Z 2026-01-01T02:00:00Z",
        "UTC | R1/2026-01-01T00:00:00Z/PT1H | 2026-01-01T00:00:00Z | ",
      })
  void nextRuns(String zone, String schedule, String after, String expected) {
    RunTimes times = ScheduleTimes.of(schedule, ZoneId.of(zone)).orElseThrow();
    List<Instant> runs = new ArrayList<>();
    Optional<Instant> next = times.after(Instant.parse(after));
    List<Instant> wanted =
        expected == null
            ? List.of()
            : Arrays.stream(expected.trim().split("\\s+")).map(Instant::parse).toList();
    while (next.isPresent() && runs.size() < wanted.size() + 1) {
      runs.add(next.get());
      next = times.after(next.get());
    }
    if (schedule.startsWith("R3") || schedule.startsWith("R1/")) {
      assertThat(runs).containsExactlyElementsOf(wanted);
    } else {
      assertThat(runs.subList(0, wanted.size())).containsExactlyElementsOf(wanted);
    }
    for (Instant run : runs) {
      assertThat(times.atOrBefore(run)).contains(run);
    }
  }

  @Test
  void aStartWithoutZoneKeepsItsWrittenOffsetOrIsUtc() {
    RunTimes offset =
        ScheduleTimes.of("R/2026-01-01T09:00:00+01:00/P1D", Optional.empty()).orElseThrow();
    assertThat(offset.after(Instant.parse("2026-06-01T00:00:00Z")))
        .contains(Instant.parse("2026-06-01T08:00:00Z"));
    RunTimes bare = ScheduleTimes.of("R/2026-01-01T09:00:00/P1D", Optional.empty()).orElseThrow();
    assertThat(bare.after(Instant.parse("2026-06-01T00:00:00Z")))
        .contains(Instant.parse("2026-06-01T09:00:00Z"));
  }

  @Test
  void aFiniteScheduleEndsAndItsLastRunStays() {
    RunTimes times =
        ScheduleTimes.of("R3/2026-01-01T00:00:00Z/P1D", ZoneId.of("UTC")).orElseThrow();
    assertThat(times.after(Instant.parse("2026-01-03T00:00:00Z"))).isEmpty();
    assertThat(times.atOrBefore(Instant.parse("2027-01-01T00:00:00Z")))
        .contains(Instant.parse("2026-01-03T00:00:00Z"));
    assertThat(times.atOrBefore(Instant.parse("2025-12-31T23:59:59Z"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"'0 0 30 2 *'", "'0 0 31 4 *'", "'0 0 31 2,4,6,9,11 *'", "'0 0 31 */2 *'"})
  void anImpossibleDateHasNoRunAndAnswersAtOnce(String cron) {
    // */2 months are 1,3,5,7,9,11: 31 exists in January, so only the first three are impossible
    RunTimes times = ScheduleTimes.of(cron, AMSTERDAM).orElseThrow();
    boolean impossible = !cron.contains("*/2");
    assertThat(CronLine.parse(cron).impossible()).isEqualTo(impossible);
    assertThat(times.after(Instant.parse("2026-01-01T00:00:00Z")).isEmpty()).isEqualTo(impossible);
    assertThat(times.atOrBefore(Instant.parse("2026-01-01T00:00:00Z")).isEmpty())
        .isEqualTo(impossible);
    assertThat(times.interval()).isPositive();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "*/5 * * * * | PT5M",
        "0 3 * * 1-5 | PT24H",
        "@weekly | PT168H",
        "@hourly | PT1H",
        "30 2 * * * | PT24H",
        "R/2026-01-01T00:00:00Z/PT2H | PT2H",
        "R/2026-01-01T00:00:00Z/P1D | PT24H",
        "R/2026-01-01T00:00:00Z/P1W | PT168H",
        "R/2026-01-01T00:00:00Z/P1DT12H | PT36H",
      })
  void theIntervalIsTheUsualGap(String schedule, String interval) {
    assertThat(ScheduleTimes.of(schedule, NEW_YORK).orElseThrow().interval())
        .isEqualTo(Duration.parse(interval));
  }

  @ParameterizedTest
  @CsvSource({"'61 * * * *'", "'* * * *'", "'@often'", "'0 0 * * 8'", "'5-1 * * * *'"})
  void aLineThatIsNotCronHasNoRunTimes(String schedule) {
    assertThat(ScheduleTimes.of(schedule, NEW_YORK)).isEmpty();
  }

  /**
   * Over a year with both daylight-saving changes, in three zones and many schedules: {@code after}
   * strictly increases, every run is its own {@code atOrBefore}, nothing runs between a time and
   * its {@code after}, and {@code atOrBefore} is the run just before the next one.
   */
  @Test
  void afterAndAtOrBeforeAgreeEverywhere() {
    List<String> schedules =
        List.of(
            "* * * * *",
            "*/7 * * * *",
            "30 * * * *",
            "0,30 1-3 * * *",
            "30 2 * * *",
            "0 2 * * 0",
            "45 1 1,15 * *",
            "@daily",
            "R/2026-01-01T02:30:00/P1D",
            "R/2026-03-01T01:15:00Z/PT90M",
            "R/2026-02-28T02:00:00/P1W",
            "R40/2026-01-31T02:30:00/P1M");
    List<ZoneId> zones = List.of(AMSTERDAM, NEW_YORK, ZoneId.of("Australia/Lord_Howe"));
    Random random = new Random(14);
    Instant yearStart = Instant.parse("2026-01-01T00:00:00Z");
    for (String schedule : schedules) {
      for (ZoneId zone : zones) {
        RunTimes times = ScheduleTimes.of(schedule, zone).orElseThrow();
        for (int i = 0; i < 300; i++) {
          Instant t = yearStart.plusSeconds(random.nextInt(366 * 24 * 3600));
          Optional<Instant> next = times.after(t);
          assertThat(next).as("%s in %s after %s", schedule, zone, t).isPresent();
          assertThat(next.get()).isAfter(t);
          assertThat(times.atOrBefore(next.get())).contains(next.get());
          Optional<Instant> justBefore = times.atOrBefore(next.get().minusNanos(1));
          justBefore.ifPresent(
              b -> {
                assertThat(b)
                    .as("%s in %s: a run between %s and %s", schedule, zone, t, next)
                    .isBeforeOrEqualTo(t);
                assertThat(times.after(b)).contains(next.get());
              });
          Optional<Instant> following = times.after(next.get());
          following.ifPresent(f -> assertThat(f).isAfter(next.get()));
        }
      }
    }
  }
}
