package io.sitrep.entities.nlp;

import io.sitrep.entities.resolve.AliasKb;
import io.sitrep.entities.resolve.CrossDocumentMatcher;
import io.sitrep.entities.resolve.DocumentEntity;
import io.sitrep.entities.resolve.WithinDocumentResolver;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live-blog entries as units of their own, on the real model: sentences, quotes and "she said" stay inside an
 * entry, mentions carry their entry, offsets stay those of the whole text, names still resolve across entries.
 * Each case is checked against the same text analysed as one unit, so the test fails if units stop mattering.
 */
class LiveBlogUnitsTest {

    private final MentionCleaner cleaner = new MentionCleaner(AliasKb.loadDefault());
    private final RoleExtractor roles = new RoleExtractor();
    private final QuoteAttributor quotes = new QuoteAttributor();

    private record Result(List<Mention> mentions, List<Quote> quotes) {
    }

    private Result analyse(String text, TextUnits units) {
        List<Mention> ms = new ArrayList<>();
        for (Mention m : cleaner.clean(text, CoreNlpNer.analyse(text, units).mentions())) ms.add(m.withSegment(units.segmentAt(m.start())));
        return new Result(ms, quotes.attribute(text, ms, roles.extract(text, ms, units), units));
    }

    /** Entries starting at the given substrings, ordinals 0, 1, …, each running to the next. */
    private static TextUnits entries(String text, String... starts) {
        List<TextUnits.Span> spans = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            int s = text.indexOf(starts[i]);
            int e = i + 1 < starts.length ? text.indexOf(starts[i + 1]) : text.length();
            spans.add(new TextUnits.Span(i, s, e));
        }
        return TextUnits.of(text, spans);
    }

    private static Quote quoteContaining(Result r, String text, String words) {
        return r.quotes().stream().filter(q -> text.substring(q.start(), q.end()).contains(words)).findFirst().orElseThrow();
    }

    @Test
    void aPronounDoesNotReachIntoThePreviousEntry() {
        String text = "Mayor Odile Ferrante toured the flooded district on foot. \"We will rebuild every house,\" she said.\n\n"
                + "\"The bridge stays closed until the water drops,\" she said.";
        String secondQuote = "The bridge stays";
        Result whole = analyse(text, TextUnits.whole(text));
        assertThat(quoteContaining(whole, text, secondQuote).speaker()).extracting(Mention::surface).isEqualTo("Odile Ferrante");

        Result split = analyse(text, entries(text, "Mayor", "\"The bridge"));
        assertThat(quoteContaining(split, text, "rebuild").speaker()).extracting(Mention::surface).isEqualTo("Odile Ferrante");
        // entry 1 names nobody: "she" is someone the entry does not say, so no speaker rather than a guess
        assertThat(quoteContaining(split, text, secondQuote).speaker()).isNull();
    }

    @Test
    void aSentenceEndsWhereItsEntryEnds() {
        // ingest cut the entries without a full stop or blank line between them: one run-on sentence to CoreNLP
        String text = "Harbour master Ines Valdemar, at the quay. Reporting from the quay Tomas Lindqvist "
                + "said: \"The port reopens at dawn.\"";
        TextUnits units = entries(text, "Harbour", "said:");
        Result whole = analyse(text, TextUnits.whole(text));
        assertThat(whole.quotes()).singleElement().extracting(q -> q.speaker() == null ? null : q.speaker().surface())
                .isEqualTo("Tomas Lindqvist");

        Result split = analyse(text, units);
        assertThat(split.quotes()).singleElement().satisfies(q -> {
            assertThat(q.verb()).isEqualTo("said");
            assertThat(q.speaker()).isNull();
        });
        int lindqvistSentence = split.mentions().stream().filter(m -> m.surface().contains("Lindqvist")).findFirst().orElseThrow().sentence();
        assertThat(CoreNlpNer.analyse(text, units).mentions()).allMatch(m -> m.sentence() <= lindqvistSentence);
    }

    @Test
    void aQuoteClosingAnEntryIsNotAttributedByTheNextEntry() {
        String text = "Crowds gathered at the gate. \"We will rebuild,\" said Odile Ferrante at the quay.";
        String quote = "\"We will rebuild,\"";
        int boundary = text.indexOf(quote) + quote.length();
        Result whole = analyse(text, TextUnits.whole(text));
        assertThat(quoteContaining(whole, text, "rebuild").speaker()).extracting(Mention::surface).isEqualTo("Odile Ferrante");

        TextUnits units = TextUnits.of(text, List.of(new TextUnits.Span(0, 0, boundary), new TextUnits.Span(1, boundary, text.length())));
        assertThat(quoteContaining(analyse(text, units), text, "rebuild").speaker()).isNull();
    }

    @Test
    void aQuoteLeftOpenInOneEntryDoesNotPairWithTheNext() {
        // entry 0 ends inside an unclosed quote; entry 1 starts in the same paragraph and has a stray closing mark
        String text = "Dispatcher Anneke Smit wrote: \"Roads north are blocked "
                + "Rescuers reached the village, officials said.\" Teams were resting.";
        int boundary = text.indexOf("Rescuers");
        Result whole = analyse(text, TextUnits.whole(text));
        assertThat(whole.quotes()).anyMatch(q -> q.start() < boundary && q.end() > boundary);

        Result split = analyse(text, entries(text, "Dispatcher", "Rescuers"));
        assertThat(split.quotes()).noneMatch(q -> q.start() < boundary && q.end() > boundary);
    }

    @Test
    void aTitleAtTheEndOfOneEntryIsNotTheNextEntrysPersonsTitle() {
        String text = "Talks ran late into the night, according to the deputy minister "
                + "Tomas Lindqvist arrived at the quay at dawn.";
        TextUnits units = entries(text, "Talks", "Tomas");
        List<Mention> whole = cleaner.clean(text, CoreNlpNer.analyse(text).mentions());
        assertThat(roles.extract(text, whole)).extracting(Role::title).containsExactly("deputy minister");

        List<Mention> split = cleaner.clean(text, CoreNlpNer.analyse(text, units).mentions());
        assertThat(split).extracting(Mention::surface).contains("Tomas Lindqvist");
        assertThat(roles.extract(text, split, units)).isEmpty();
    }

    @Test
    void mentionsCarryTheirEntryAndNamesStillResolveAcrossEntries() {
        String text = "Live updates from the coast\n\n"
                + "Coast guard commander Ines Valdemar ordered boats out of Porto Lindo.\n\n"
                + "Valdemar later said the search would go on through the night.";
        TextUnits units = entries(text, "Coast guard", "Valdemar later");
        Result r = analyse(text, units);
        for (Mention m : r.mentions()) assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
        Mention full = r.mentions().stream().filter(m -> m.surface().equals("Ines Valdemar")).findFirst().orElseThrow();
        Mention partial = r.mentions().stream().filter(m -> m.surface().equals("Valdemar")).findFirst().orElseThrow();
        assertThat(full.segment()).isEqualTo(0);
        assertThat(partial.segment()).isEqualTo(1);
        assertThat(units.segmentAt(0)).isNull();            // the headline before the first entry is in none

        List<DocumentEntity> entities = new WithinDocumentResolver(CrossDocumentMatcher.withDefaults()).resolve(r.mentions());
        DocumentEntity valdemar = entities.stream().filter(e -> e.mentions().contains(partial)).findFirst().orElseThrow();
        assertThat(valdemar.displayName()).isEqualTo("Ines Valdemar");
    }

    @Test
    void unitsTileTheTextAndTheFirstOfOverlappingEntriesWins() {
        String text = "0123456789abcdefghij";
        TextUnits units = TextUnits.of(text, List.of(new TextUnits.Span(1, 12, 20), new TextUnits.Span(0, 4, 10),
                new TextUnits.Span(2, 8, 14), new TextUnits.Span(3, 15, 40)));
        assertThat(units.units()).extracting(u -> u.start() + "-" + u.end() + ":" + u.segment())
                .containsExactly("0-4:null", "4-10:0", "10-12:null", "12-20:1");
        assertThat(units.segmentAt(9)).isEqualTo(0);
        assertThat(units.segmentAt(11)).isNull();
    }
}
