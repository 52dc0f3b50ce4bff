package dev.aiapiserver.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CronJob schedules read the way the CronJob controller reads them, so MissedSchedule is judged right. */
class CronScheduleTest {

  @ParameterizedTest(name = "given \"{0}\" and a last run at {1} ({2}), the next run is {3}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      */15 * * * *            | 2024-05-01T10:07:00Z | -             | 2024-05-01T10:15:00Z
      */15 * * * *            | 2024-05-01T10:15:00Z | -             | 2024-05-01T10:30:00Z
      0 * * * *               | 2024-05-01T10:59:59Z | -             | 2024-05-01T11:00:00Z
      @hourly                 | 2024-05-01T10:00:00Z | -             | 2024-05-01T11:00:00Z
      @daily                  | 2024-05-01T10:00:00Z | -             | 2024-05-02T00:00:00Z
      @midnight               | 2024-05-01T10:00:00Z | -             | 2024-05-02T00:00:00Z
      @weekly                 | 2024-05-01T10:00:00Z | -             | 2024-05-05T00:00:00Z
      @monthly                | 2024-05-01T10:00:00Z | -             | 2024-06-01T00:00:00Z
      @yearly                 | 2024-05-01T10:00:00Z | -             | 2025-01-01T00:00:00Z
      @annually               | 2024-05-01T10:00:00Z | -             | 2025-01-01T00:00:00Z
      30 9 * * MON-FRI        | 2024-04-26T09:30:00Z | -             | 2024-04-29T09:30:00Z
      30 9 * * 1-5            | 2024-04-26T09:30:00Z | -             | 2024-04-29T09:30:00Z
      30 9 * * mon-fri        | 2024-04-26T09:30:00Z | Europe/Berlin | 2024-04-29T07:30:00Z
      0 0 * * 7               | 2024-05-01T00:00:00Z | -             | 2024-05-05T00:00:00Z
      0 0 * * SUN             | 2024-05-01T00:00:00Z | -             | 2024-05-05T00:00:00Z
      0 0 1,15 * *            | 2024-05-02T00:00:00Z | -             | 2024-05-15T00:00:00Z
      0 0 13 * FRI            | 2024-05-01T00:00:00Z | -             | 2024-05-03T00:00:00Z
      0 0 */10 * *            | 2024-05-01T00:00:00Z | -             | 2024-05-11T00:00:00Z
      0 0 * JAN,JUL *         | 2024-05-01T00:00:00Z | -             | 2024-07-01T00:00:00Z
      5-10/5 */6 * * *        | 2024-05-01T06:06:00Z | -             | 2024-05-01T06:10:00Z
      10/20 * * * *           | 2024-05-01T06:31:00Z | -             | 2024-05-01T06:50:00Z
      0 12 29 2 *             | 2024-03-01T00:00:00Z | -             | 2028-02-29T12:00:00Z
      ? * * * *               | 2024-05-01T06:31:00Z | -             | 2024-05-01T06:32:00Z
      CRON_TZ=Asia/Tokyo 0 9 * * * | 2024-05-01T00:00:00Z | -        | 2024-05-02T00:00:00Z
      TZ=America/New_York 0 0 * * *  | 2024-05-01T00:00:00Z | UTC     | 2024-05-01T04:00:00Z
      @every 90m              | 2024-05-01T10:00:00Z | -             | 2024-05-01T11:30:00Z
      @every 1h30m10s         | 2024-05-01T10:00:00Z | -             | 2024-05-01T11:30:10Z
      """)
  void givenAScheduleWhenAskedForTheNextRunThenItMatchesTheController(String schedule, String after, String zone,
      String expected) {
    CronSchedule parsed = CronSchedule.parse(schedule).orElseThrow();
    Instant next = parsed.next(Instant.parse(after), zone == null ? null : ZoneId.of(zone));
    assertEquals(Instant.parse(expected), next);
  }

  @ParameterizedTest(name = "given \"{0}\", the schedule is not readable")
  @ValueSource(strings = {"", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *",
      "* * * * 8", "*/0 * * * *", "1-2-3 * * * *", "a b c d e", "@reboot", "@every", "@every soon",
      "CRON_TZ=Not/AZone 0 * * * *"})
  void givenANonsenseScheduleWhenParsedThenItIsRejected(String schedule) {
    assertTrue(CronSchedule.parse(schedule).isEmpty());
  }

  @ParameterizedTest(name = "given \"{0}\", it never fires")
  @ValueSource(strings = {"0 0 30 2 *", "0 0 31 4 *"})
  void givenAScheduleThatNeverFiresWhenAskedForTheNextRunThenThereIsNone(String schedule) {
    assertNull(CronSchedule.parse(schedule).orElseThrow().next(Instant.parse("2024-05-01T00:00:00Z"), null));
  }
}
