package io.sitrep.ingest.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class LiveBlogSplitterTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(5);
    private static final LocalDate BLOG_DATE = LocalDate.of(2024, 6, 4);

    private final LiveBlogSplitter splitter = new LiveBlogSplitter();

    @Test
    void newestFirstEntriesRollBackToThePreviousDayAfterMidnight() {
        String text = String.join("\n\n",
                "Follow our coverage of the Marrowfield floods.",
                "0815 GMT — Barrier holds overnight",
                "Engineers said the wall held.",
                "Water levels are falling slowly.",
                "0105 GMT — Pumps restarted",
                "Power returned to the pumping station.",
                "2310 GMT — Evacuation ordered",
                "The lower town was evacuated.",
                "2310 GMT — Shelters open",
                "Two schools opened as shelters.",
                "1945 GMT — River rises");

        List<LiveBlogEntry> entries = splitter.split(text, BLOG_DATE);

        assertThat(entries).extracting(LiveBlogEntry::instant).containsExactly(
                Instant.parse("2024-06-04T08:15:00Z"),
                Instant.parse("2024-06-04T01:05:00Z"),
                Instant.parse("2024-06-03T23:10:00Z"),
                Instant.parse("2024-06-03T23:10:00Z"),
                Instant.parse("2024-06-03T19:45:00Z"));
        assertThat(entries).extracting(LiveBlogEntry::headline).containsExactly(
                "Barrier holds overnight", "Pumps restarted", "Evacuation ordered", "Shelters open", "River rises");
        LiveBlogEntry first = entries.get(0);
        assertThat(first.text()).isEqualTo("Engineers said the wall held.\n\nWater levels are falling slowly.");
        assertThat(text.substring(first.start(), first.end()))
                .isEqualTo("0815 GMT — Barrier holds overnight\n\nEngineers said the wall held.\n\n"
                        + "Water levels are falling slowly.");
        assertThat(entries.get(4).text()).isEmpty();
        assertThat(text.substring(entries.get(4).start(), entries.get(4).end())).isEqualTo("1945 GMT — River rises");
    }

    @Test
    void dayHeadersSetTheDayAndResetTheRollover() {
        String text = String.join("\n\n",
                "Wednesday, June 5, 2024",
                "09:30 BST - Clean-up begins",
                "Volunteers arrived at dawn.",
                "08:00 BST - Roads reopen",
                "Tuesday, June 4, 2024",
                "22:00 BST - Rain stops",
                "06:00 BST - Rain continues");

        List<LiveBlogEntry> entries = splitter.split(text, LocalDate.of(2024, 6, 5));

        assertThat(entries).extracting(LiveBlogEntry::instant).containsExactly(
                Instant.parse("2024-06-05T08:30:00Z"),
                Instant.parse("2024-06-05T07:00:00Z"),
                Instant.parse("2024-06-04T21:00:00Z"),
                Instant.parse("2024-06-04T05:00:00Z"));
        assertThat(entries.get(1).text()).isEmpty(); // the day header is not part of the entry above it
        assertThat(entries).extracting(LiveBlogEntry::day).containsExactly(
                LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 4), LocalDate.of(2024, 6, 4));
    }

    @Test
    void readsTheTimeFormatsAndZones() {
        String text = String.join("\n\n",
                "14:05 BST",
                "A time alone on its line.",
                "10:32am: Ferry service suspended",
                "10.30 CET – Border crossing closed",
                "9am — Schools shut",
                "0845 MSK | Moscow reacts",
                "8:15 p.m. EEST Flights resume");

        List<LiveBlogEntry> entries = splitter.split(text, BLOG_DATE);

        assertThat(entries).extracting(LiveBlogEntry::clockTime).containsExactly(
                LocalTime.of(14, 5), LocalTime.of(10, 32), LocalTime.of(10, 30), LocalTime.of(9, 0),
                LocalTime.of(8, 45), LocalTime.of(20, 15));
        assertThat(entries).extracting(LiveBlogEntry::zone).containsExactly(
                ClockZone.BST, ClockZone.UTC, ClockZone.CET, ClockZone.UTC, ClockZone.MSK, ClockZone.EEST);
        assertThat(entries).extracting(LiveBlogEntry::zoneWritten).containsExactly(true, false, true, false, true, true);
        assertThat(entries).extracting(LiveBlogEntry::headline).containsExactly(
                "", "Ferry service suspended", "Border crossing closed", "Schools shut", "Moscow reacts",
                "Flights resume");
        assertThat(entries.get(0).instant()).isEqualTo(Instant.parse("2024-06-04T13:05:00Z"));
        assertThat(entries.get(0).text()).isEqualTo("A time alone on its line.");
    }

    @Test
    void oldestFirstBlogsRollForward() {
        String text = String.join("\n\n",
                "2100 GMT — Storm arrives", "2230 GMT — Power cut", "0130 GMT — Power back", "0600 GMT — Morning");

        List<LiveBlogEntry> entries = splitter.split(text, BLOG_DATE);

        assertThat(entries).extracting(LiveBlogEntry::instant).containsExactly(
                Instant.parse("2024-06-04T21:00:00Z"), Instant.parse("2024-06-04T22:30:00Z"),
                Instant.parse("2024-06-05T01:30:00Z"), Instant.parse("2024-06-05T06:00:00Z"));
    }

    @Test
    void withoutABlogDateEntriesHaveNoInstant() {
        List<LiveBlogEntry> entries = splitter.split("1200 GMT — One\n\n1100 GMT — Two", null);

        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.instant()).isNull();
            assertThat(entry.day()).isNull();
        });
    }

    @Test
    void oneTimedParagraphIsNotALiveBlog() {
        assertThat(splitter.split("1200 GMT — Only one entry\n\nSome text.", BLOG_DATE)).isEmpty();
        assertThat(splitter.split("", BLOG_DATE)).isEmpty();
    }

    @Test
    void numbersThatAreNotTimesAreIgnored() {
        String text = String.join("\n\n",
                "2023 was the wettest year on record.",
                "1.50 euros is the new ferry fare.",
                "10 amazing photos of the flood.",
                "12:30 was when the siren sounded",
                "1945 saw a similar flood.",
                "25:00 GMT — not a time",
                "12:75 GMT — not a time either");

        assertThat(splitter.split(text, BLOG_DATE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "1", "-", "—", ":", "0"})
    void hostileRepetitionsComplete(String unit) {
        String text = unit.repeat(50_000);

        List<LiveBlogEntry> entries = assertTimeoutPreemptively(HANG_GUARD, () -> splitter.split(text, BLOG_DATE));

        assertThat(entries).isEmpty();
    }

    @Test
    void manyShortTimedLinesComplete() {
        String text = "1200 GMT —\n".repeat(50_000);

        List<LiveBlogEntry> entries = assertTimeoutPreemptively(HANG_GUARD, () -> splitter.split(text, BLOG_DATE));

        assertThat(entries).hasSize(50_000);
    }
}
