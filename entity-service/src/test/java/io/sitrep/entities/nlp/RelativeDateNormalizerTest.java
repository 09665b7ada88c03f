package io.sitrep.entities.nlp;

import io.sitrep.testsupport.Seeds;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RelativeDateNormalizerTest {

    private static final LocalDate WED = LocalDate.of(2023, 3, 8);   // a Wednesday
    private final RelativeDateNormalizer dates = new RelativeDateNormalizer();

    private DateMention only(String text, LocalDate ref) {
        List<DateMention> ds = dates.normalise(text, ref);
        assertThat(ds).as(text).hasSize(1);
        DateMention d = ds.get(0);
        assertThat(text.substring(d.start(), d.end())).isEqualTo(d.surface());
        return d;
    }

    @Test
    void weekdays() {
        assertThat(only("Talks began on Monday in Geneva.", WED).date()).isEqualTo(LocalDate.of(2023, 3, 6));
        assertThat(only("Talks began on Wednesday.", WED).date()).isEqualTo(WED);
        assertThat(only("Talks resume next Monday.", WED).date()).isEqualTo(LocalDate.of(2023, 3, 13));
        assertThat(only("Talks resume next Thursday.", WED).date()).isEqualTo(LocalDate.of(2023, 3, 9));
        assertThat(only("They met last Wednesday.", WED).date()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(only("The envoy will arrive on Friday.", WED).date()).isEqualTo(LocalDate.of(2023, 3, 10));
        assertThat(only("Monday's strike hit a depot.", WED)).extracting(DateMention::surface, DateMention::rule)
                .containsExactly("Monday", "weekday");
    }

    @Test
    void deicticWords() {
        assertThat(only("Yesterday the bridge fell.", WED).date()).isEqualTo(LocalDate.of(2023, 3, 7));
        assertThat(only("The vote is today.", WED).date()).isEqualTo(WED);
        assertThat(only("The vote is tomorrow.", WED).date()).isEqualTo(LocalDate.of(2023, 3, 9));
    }

    @Test
    void periods() {
        DateMention lastWeek = only("Shelling intensified last week.", WED);
        assertThat(lastWeek).extracting(DateMention::date, DateMention::lastDay, DateMention::rule)
                .containsExactly(LocalDate.of(2023, 2, 27), LocalDate.of(2023, 3, 5), "last week");
        assertThat(only("Prices rose this month.", WED)).extracting(DateMention::date, DateMention::lastDay)
                .containsExactly(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 31));
        assertThat(only("Elections are due next year.", WED)).extracting(DateMention::date, DateMention::lastDay)
                .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
    }

    @Test
    void absoluteDates() {
        assertThat(only("It opened on March 7.", WED).date()).isEqualTo(LocalDate.of(2023, 3, 7));
        assertThat(only("It opened on 7 March 2023.", WED)).extracting(DateMention::date, DateMention::rule)
                .containsExactly(LocalDate.of(2023, 3, 7), "absolute");
        assertThat(only("Due by May 22nd.", WED).date()).isEqualTo(LocalDate.of(2023, 5, 22));
        assertThat(only("Seen on 22nd May, 2021.", WED).date()).isEqualTo(LocalDate.of(2021, 5, 22));
        assertThat(only("Signed Mar. 7, 2022 in Kyiv.", WED).date()).isEqualTo(LocalDate.of(2022, 3, 7));
        assertThat(only("Filed 2023-02-28 late.", WED).date()).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(only("It began on Friday, February 24, 2022.", WED)).extracting(DateMention::surface, DateMention::date)
                .containsExactly("Friday, February 24, 2022", LocalDate.of(2022, 2, 24));
        assertThat(only("A visit in May 2022 helped.", WED)).extracting(DateMention::date, DateMention::lastDay)
                .containsExactly(LocalDate.of(2022, 5, 1), LocalDate.of(2022, 5, 31));
        // a year-less date takes the nearest year: December seen from January is last December
        assertThat(only("Since December 20 nothing moved.", LocalDate.of(2023, 1, 5)).date()).isEqualTo(LocalDate.of(2022, 12, 20));
    }

    @Test
    void nonDatesAreIgnored() {
        assertThat(dates.normalise("It may rain. May I ask? A 2C1 howitzer on its 378th day, February 30 never.", WED)).isEmpty();
    }

    @Test
    void liveBlogEntriesGetTheirOwnDay() {
        String blog = "Wednesday, March 8, 2023\n\n0900 GMT — Talks\n\nOfficials met on Tuesday.\n\n"
                + "0100 GMT — Night raid\n\nA raid hit yesterday.\n\n2300 GMT — Earlier\n\nCrews worked today.";
        List<DateMention> ds = dates.normaliseLiveBlog(blog, LocalDate.of(2023, 3, 9));
        assertThat(ds).extracting(DateMention::surface, DateMention::date).containsExactly(
                tuple("Wednesday, March 8, 2023", WED),
                tuple("Tuesday", LocalDate.of(2023, 3, 7)),
                tuple("yesterday", LocalDate.of(2023, 3, 7)),
                tuple("today", LocalDate.of(2023, 3, 7)));   // 2300 after 0100 in a newest-first blog: the day before
    }

    @Test
    void seedLiveBlogAndDateline() {
        String blog = Seeds.text("002");
        List<DateMention> ds = dates.normaliseLiveBlog(blog, WED);
        assertThat(ds).extracting(DateMention::surface, DateMention::date).contains(
                tuple("March 8, 2023", WED),
                tuple("Wednesday, March 8, 2023", WED),
                tuple("Tuesday", LocalDate.of(2023, 3, 7)),
                tuple("March 18", LocalDate.of(2023, 3, 18)),
                tuple("March 7", LocalDate.of(2023, 3, 7)));
        assertThat(ds).filteredOn(d -> d.surface().equals("May 2022")).singleElement()
                .extracting(DateMention::lastDay).isEqualTo(LocalDate.of(2022, 5, 31));
        // entries after the time stamps wrap past midnight belong to Tuesday 7 March
        int lastEntry = blog.lastIndexOf("GMT");
        assertThat(ds).filteredOn(d -> d.start() > lastEntry).allMatch(d -> d.reference().equals(LocalDate.of(2023, 3, 7)));

        String dateline = Seeds.text("004");
        List<DateMention> d4 = dates.normalise(dateline, LocalDate.of(2023, 5, 22));
        assertThat(d4).extracting(DateMention::surface, DateMention::date).contains(
                tuple("22nd May, 2023", LocalDate.of(2023, 5, 22)),
                tuple("Saturday", LocalDate.of(2023, 5, 20)));
    }

    @Test
    void hostileInputsFinish() {
        String longLine = "on Monday March 7 last week 22nd May, ".repeat(3_000);
        String digits = "1 2 3 4 5 6 7 8 9 10 ".repeat(5_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(dates.normalise(longLine, WED)).isNotEmpty();
            assertThat(dates.normalise(digits, WED)).isEmpty();
            dates.normaliseLiveBlog("0100 GMT — x\n\n".repeat(5_000), WED);
        });
    }
}
