package io.paasta.config.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeVariablesTest {
  /** 31 March 2026, 00:30 in Amsterdam (CEST, 30 March 22:30 UTC); day 90 of the year. */
  private static final ZonedDateTime DATE =
      ZonedDateTime.of(2026, 3, 31, 0, 30, 0, 0, ZoneId.of("Europe/Amsterdam"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "echo %(shortdate)s | echo 2026-03-31",
        "%(year)s/%(month)s/%(day)s %(hour)sh | 2026/03/31 00h",
        "%(unixtime)s | 1774909800",
        "%(daynumber)s | 90",
        "%(shortdate-1)s %(shortdate+1)s %(shortdate-31)s | 2026-03-30 2026-04-01 2026-02-28",
        "%(year-1)s %(year+10)s | 2025 2036",
        "%(month-1)s %(month+10)s | 02 01",
        "%(day-1)s %(day+1)s | 30 01",
        "%(hour+3)s %(hour-1)s | 03 23",
        "%(unixtime-60)s | 1774909740",
        "%(daynumber-90)s | 0",
        "100%% done, not %%(year)s | 100% done, not %(year)s",
        "%(unixtime)d %(unixtime)i | 1774909800 1774909800",
        "[%(hour)5s] [%(hour)-5s] [%(year).2s] | [   00] [00   ] [20]",
        "%(year)r | '2026'",
        "%(daynumber)05d %(daynumber)x %(daynumber)+d | 00090 5a +90",
        "%(daynumber).1f | 90.0",
        "no variables at all | no variables at all",
        "date -d %(shortdate)s +%%s | date -d 2026-03-31 +%s",
      })
  void fillsWhatPythonWould(String cmd, String filled) {
    assertThat(TimeVariables.fill(cmd, DATE)).isEqualTo(filled);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "echo %(date)s | unknown time variable 'date'",
        "echo %(shortdate - 1)s | unknown time variable 'shortdate - 1'",
        "echo %(shortdate | '%(' is never closed",
        "echo 100% | the '%' at the end is incomplete",
        "echo 100% done | '%d' names no time variable",
        "echo 50%off | '%o' names no time variable",
        "echo 50%zoff | the character after '%z' is not supported",
        "echo %q | the character after '%q' is not supported",
        "echo %s | '%s' names no time variable",
        "echo %(year)d | '%d' needs a number and '2026' is text",
        "echo %(unixtime)g | the conversion '%g' is not supported",
        "echo %(year)*s | the conversion '%*' is not supported",
      })
  void refusesWhatPythonWouldNotFill(String cmd, String reason) {
    assertThatThrownBy(() -> TimeVariables.fill(cmd, DATE))
        .isInstanceOfSatisfying(
            TimeVariables.UnparseableCommand.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Unparseable command '" + cmd + "'. Hint: do you need to escape % chars?");
              assertThat(e.reason()).startsWith(reason);
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "echo %(shortdate)s | true",
        "echo %(nonsense)s | true",
        "echo 100%% | false",
        "echo %%(year)s | false",
        "echo plain | false",
        "echo %%%(year)s | true",
      })
  void knowsWhetherACmdUsesVariables(String cmd, boolean uses) {
    assertThat(TimeVariables.uses(cmd)).isEqualTo(uses);
  }
}
