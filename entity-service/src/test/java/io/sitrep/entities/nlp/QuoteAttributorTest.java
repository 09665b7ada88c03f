package io.sitrep.entities.nlp;

import io.sitrep.testsupport.Seeds;
import io.sitrep.entities.resolve.AliasKb;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

public class QuoteAttributorTest {

    private final MentionCleaner cleaner = new MentionCleaner(AliasKb.loadDefault());
    private final RoleExtractor roleExtractor = new RoleExtractor();
    private final QuoteAttributor attributor = new QuoteAttributor();

    private List<Quote> quotesOf(String text) {
        List<Mention> ms = cleaner.clean(text, CoreNlpNer.analyse(text).mentions());
        return attributor.attribute(text, ms, roleExtractor.extract(text, ms));
    }

    private static String speaker(Quote q) {
        return q.speaker() == null ? null : q.speaker().surface();
    }

    @Test
    void quoteThenNameSaid() {
        String text = "\"We will rebuild the bridge by June,\" Maria Lopez told reporters in Vilnius.";
        Quote q = quotesOf(text).get(0);
        assertThat(q.start()).isZero();
        assertThat(q.end()).isEqualTo(text.indexOf(" Maria"));
        assertThat(speaker(q)).isEqualTo("Maria Lopez");
        assertThat(q.verb()).isEqualTo("told");
        assertThat(text.substring(q.verbStart(), q.verbEnd())).isEqualTo("told");
    }

    @Test
    void quoteThenNameToldReportersWithoutComma() {
        String text = "\"We are ready\" Maria Lopez told reporters on Friday.";
        assertThat(quotesOf(text)).extracting(QuoteAttributorTest::speaker).containsExactly("Maria Lopez");
    }

    @Test
    void accordingToLaterInTheSentence() {
        String text = "Troops made a \u201Climited\u201D withdrawal, according to Oxfam, before dawn.";
        List<Quote> qs = quotesOf(text);
        assertThat(qs).extracting(QuoteAttributorTest::speaker).containsExactly("Oxfam");
    }

    @Test
    void saidThenName() {
        String text = "\u201CThe talks are over,\u201D said Anna Kowalczyk, the Polish foreign minister.";
        assertThat(quotesOf(text)).extracting(QuoteAttributorTest::speaker).containsExactly("Anna Kowalczyk");
    }

    @Test
    void nameSaidColonQuote() {
        String text = "On Friday Petras Jonaitis said: \"The border stays open.\" Nobody objected.";
        assertThat(quotesOf(text)).extracting(QuoteAttributorTest::speaker).containsExactly("Petras Jonaitis");
    }

    @Test
    void accordingTo() {
        String text = "\"The convoy left at dawn,\" according to Oxfam.";
        List<Quote> qs = quotesOf(text);
        assertThat(qs).extracting(QuoteAttributorTest::speaker).containsExactly("Oxfam");
        assertThat(qs.get(0).verb()).isEqualTo("according to");
    }

    @Test
    void pronounAndDescriptionResolveToEarlierPeople() {
        String text = "Polish President Andrzej Duda met Oxfam director Maria Lopez in Warsaw.\n\n"
                + "\"We need more trucks,\" she said.\n\n"
                + "\"Poland will help,\" the Polish leader said.";
        assertThat(quotesOf(text)).extracting(QuoteAttributorTest::speaker).containsExactly("Maria Lopez", "Andrzej Duda");
    }

    @Test
    void pluralPronounAndMissingSpeakerGiveNull() {
        String text = "Officials met on Monday.\n\n\"Nothing was agreed,\" they said.\n\nThe sign read \"Closed\" all week.";
        assertThat(quotesOf(text)).extracting(QuoteAttributorTest::speaker).containsExactly(null, null);
    }

    @Test
    void multiParagraphQuoteWithRepeatedOpeningMark() {
        String text = "Maria Lopez said: \"The first part of the statement runs on\n\n"
                + "\"and the second paragraph ends it.\"\n\nThen the meeting closed.";
        List<Quote> qs = quotesOf(text);
        assertThat(qs).hasSize(1);
        assertThat(qs.get(0).start()).isEqualTo(text.indexOf('"'));
        assertThat(qs.get(0).end()).isEqualTo(text.indexOf("\n\nThen"));
        assertThat(speaker(qs.get(0))).isEqualTo("Maria Lopez");
    }

    @Test
    void continuationParagraphInheritsTheSpeaker() {
        String text = "\"The bridge is gone,\" Maria Lopez said.\n\n\"We will need a ferry.\"\n\nLater, rain fell.";
        assertThat(quotesOf(text)).extracting(QuoteAttributorTest::speaker).containsExactly("Maria Lopez", "Maria Lopez");
    }

    @Test
    void unbalancedQuoteIsDroppedAndTheRestStillFound() {
        String text = "He wrote \"this never closes\n\nAnna Kowalczyk said \"the rest is fine\" later.";
        List<Quote> qs = quotesOf(text);
        assertThat(qs).hasSize(1);
        assertThat(speaker(qs.get(0))).isEqualTo("Anna Kowalczyk");
    }

    @Test
    void scrapedDoubleClosingMarkIsIgnored() {
        String text = "\"It is over,\u201D\" Maria Lopez said. Then \"a new start\" came.";
        List<Quote> qs = quotesOf(text);
        assertThat(qs).hasSize(2);
        assertThat(speaker(qs.get(0))).isEqualTo("Maria Lopez");
    }

    /**
     * Hand-checked speakers of every double-quoted span in the seed live blog, by the UTF-16 offset of the
     * opening mark (checked by reading the file; only offsets and names are stored here). null = no named
     * speaker in the text (plural "they", an unnamed soldier, "Russian news agencies").
     */
    public static Map<Integer, String> expectedLiveBlogSpeakers() {
        Map<Integer, String> e = new LinkedHashMap<>();
        e.put(782, "Stoltenberg");   e.put(1011, "Stoltenberg");  e.put(1213, "Stoltenberg");  e.put(1320, "Stoltenberg");
        e.put(1819, "Zelenskyy");    e.put(2099, "Zelenskyy");    e.put(2539, "McCarthy");     e.put(2972, "Haines");
        e.put(3120, "Haines");       e.put(3208, "Haines");       e.put(3500, "Haines");       e.put(3909, null);
        e.put(5422, "Zelenskyy");    e.put(5627, "Zelenskyy");    e.put(5724, "Zelenskyy");    e.put(6269, null);
        e.put(6290, "UN Human Rights Office");                    e.put(6591, "UN Human Rights Office");
        e.put(6942, "Peskov");       e.put(7287, "Peskov");       e.put(7727, "Prigozhin");    e.put(7823, "Prigozhin");
        e.put(8181, "Zelenskyy");    e.put(8597, "New York Times"); e.put(10386, "Shoygu");    e.put(10882, "Shoygu");
        e.put(11300, null);          e.put(11772, "TASS");        e.put(11870, "TASS");
        return e;
    }

    @Test
    void liveBlogSpeakerAccuracyOnSeed() {
        String text = Seeds.text("002");
        List<Quote> qs = quotesOf(text);
        Map<Integer, String> expected = expectedLiveBlogSpeakers();
        Map<Integer, Quote> found = new LinkedHashMap<>();
        for (Quote q : qs) found.put(q.start(), q);
        int correct = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Integer, String> e : expected.entrySet()) {
            Quote q = found.get(e.getKey());
            String got = q == null ? "<no quote>" : speaker(q);
            boolean ok = q != null && (e.getValue() == null ? got == null : got != null && got.contains(e.getValue()));
            if (ok) correct++;
            else wrong.add(e.getKey() + ": expected " + e.getValue() + ", got " + got);
        }
        double accuracy = (double) correct / expected.size();
        System.out.printf("live blog quote attribution: %d/%d correct (%.1f%%), %d quotes found; wrong: %s%n",
                correct, expected.size(), 100 * accuracy, qs.size(), wrong);
        assertThat(qs).extracting(Quote::start).containsExactlyElementsOf(expected.keySet());
        assertThat(accuracy).isGreaterThanOrEqualTo(0.9);
    }

    /**
     * Hand-checked speakers of every quote in the four other seeds ("seed:offset" of the opening mark).
     * The two null-by-the-system misses are kept on purpose: the ISW's "limited" (the name is split by the NER)
     * and a quote attributed only in the following sentence.
     */
    private static Map<String, String> expectedOtherSeedSpeakers() {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("000_:681", "Stoltenberg");
        e.put("001_:1282", "Kyrylenko");  e.put("001_:1364", "Kyrylenko");  e.put("001_:2637", "Study of War");
        e.put("003_:50", "Ministry of Defense"); e.put("003_:236", "Ministry of Defense"); e.put("003_:320", "Ministry of Defense");
        e.put("003_:454", "Defense Ministry");   e.put("003_:1385", "Prigozhin"); e.put("003_:1462", "Prigozhin");
        e.put("003_:1861", null);   e.put("003_:2188", "Biden");   e.put("003_:2500", null);   e.put("003_:2519", null);
        e.put("004_:953", "Henrot");   e.put("004_:1244", "Henrot");   e.put("004_:1779", "Henrot");
        return e;
    }

    @Test
    void otherSeedsSpeakerAccuracy() {
        Map<String, String> found = new LinkedHashMap<>();
        for (String seed : List.of("000_", "001_", "003_", "004_")) {
            String text = Seeds.text(seed);
            for (Quote q : quotesOf(text)) {
                assertThat(q.start()).isLessThan(q.end());
                if (q.speaker() != null) assertThat(text.substring(q.speaker().start(), q.speaker().end())).isEqualTo(q.speaker().surface());
                found.put(seed + ":" + q.start(), speaker(q) == null ? "<null>" : speaker(q));
            }
        }
        Map<String, String> expected = expectedOtherSeedSpeakers();
        assertThat(found.keySet()).containsExactlyElementsOf(expected.keySet());
        int correct = 0;
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String got = found.get(e.getKey());
            if (e.getValue() == null ? got.equals("<null>") : got.contains(e.getValue())) correct++;
        }
        System.out.printf("other seeds quote attribution: %d/%d correct%n", correct, expected.size());
        assertThat(correct).isGreaterThanOrEqualTo(15);
    }

    @Test
    void hostileInputsFinish() {
        List<Mention> none = List.of();
        String longLine = "word \"quote, said Anna. ".repeat(5_000).substring(0, 100_000);
        String marks = String.join("", Collections.nCopies(10_000, "\""));
        String alternating = "\u201C a \u201D \" b ".repeat(2_500);
        String unbalanced = ("Anna said \"never closed\n\n").repeat(2_000);
        String blankRuns = "\"x" + "\n \n".repeat(30_000) + "\"";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String text : List.of(longLine, marks, alternating, unbalanced, blankRuns)) {
                List<Quote> qs = attributor.attribute(text, none, List.of());
                for (Quote q : qs) assertThat(q.end()).isLessThanOrEqualTo(text.length());
            }
        });
    }
}
