package io.sitrep.entities.nlp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Edge-token repair and head-word typing, on hand-made spans (what the CRF is known to emit) and on the real model. */
class SpanEdgesAndHeadWordsTest {

    private final MentionCleaner cleaner = new MentionCleaner(TypeLexicon.none());

    private List<Mention> clean(String text, String surface, String type) {
        int s = text.indexOf(surface);
        return cleaner.clean(text, List.of(new RawMention(surface, type, s, s + surface.length(), 0)));
    }

    @Test
    void courtesyTitleIsDroppedAndGenerationKept() {
        assertThat(clean("Later Ms. Halvorsen Quist spoke.", "Ms. Halvorsen Quist", "PERSON"))
                .extracting(Mention::surface).containsExactly("Halvorsen Quist");
        assertThat(clean("Then Tomas Brandt Jr. said so.", "Tomas Brandt", "PERSON"))
                .extracting(Mention::surface).containsExactly("Tomas Brandt Jr.");
        assertThat(clean("Then Tomas Brandt III left.", "Tomas Brandt", "PERSON"))
                .extracting(Mention::surface).containsExactly("Tomas Brandt III");
        // a lone "Dr" with nothing capitalised after it is left alone
        assertThat(clean("See Dr said.", "Dr", "PERSON")).extracting(Mention::surface).containsExactly("Dr");
    }

    @Test
    void leadingYearOrdinalAndTrailingLowerCaseWords() {
        assertThat(clean("The 2019 Eastfield Otters won.", "2019 Eastfield Otters", "ORGANIZATION"))
                .extracting(Mention::surface).containsExactly("Eastfield Otters");
        assertThat(clean("It joined the 41st Signal Brigade in May.", "Signal Brigade", "ORGANIZATION"))
                .extracting(Mention::surface).containsExactly("41st Signal Brigade");
        assertThat(clean("See the Marlow Harbour Trust website for details.", "Marlow Harbour Trust website", "ORGANIZATION"))
                .extracting(Mention::surface).containsExactly("Marlow Harbour Trust");
        // a year that is the whole name, and a place after an ordinal, stay as they are
        assertThat(clean("In 4th Kesteven it rained.", "Kesteven", "LOCATION")).extracting(Mention::surface).containsExactly("Kesteven");
    }

    @Test
    void headWordDecidesTheTypeOfAMultiWordName() {
        assertThat(clean("The Kettering River flooded.", "Kettering River", "PERSON")).extracting(Mention::type).containsExactly("LOCATION");
        assertThat(clean("Signed by Halden Records.", "Halden Records", "LOCATION")).extracting(Mention::type).containsExactly("ORGANIZATION");
        assertThat(clean("After the Battle of Marrowby it ended.", "Battle of Marrowby", "ORGANIZATION")).extracting(Mention::type).containsExactly("MISC");
        assertThat(clean("She won the Ostrava Prize.", "Ostrava Prize", "ORGANIZATION")).extracting(Mention::type).containsExactly("MISC");
        assertThat(clean("He taught at the University of Brenmoor.", "University of Brenmoor", "LOCATION")).extracting(Mention::type).containsExactly("ORGANIZATION");
    }

    @Test
    void capitalTheRomanNumeralAndPortfolio() {
        assertThat(clean("They toured with The Velvet Orchards in May.", "Velvet Orchards", "ORGANIZATION"))
                .extracting(Mention::surface).containsExactly("The Velvet Orchards");
        // sentence-initial "The" is just the article
        assertThat(clean("The Velvet Orchards toured.", "Velvet Orchards", "ORGANIZATION"))
                .extracting(Mention::surface).containsExactly("Velvet Orchards");
        assertThat(clean("Before the Marrow War II began.", "Marrow War", "MISC"))
                .extracting(Mention::surface).containsExactly("Marrow War II");
        assertThat(clean("The Minister of Justice resigned.", "Justice", "ORGANIZATION")).isEmpty();
        assertThat(clean("The Minister of the Interior resigned.", "Interior", "ORGANIZATION")).isEmpty();
        assertThat(clean("The Brenmoor Harbour Authority Director resigned.", "Brenmoor Harbour Authority Director", "ORGANIZATION"))
                .extracting(Mention::surface).containsExactly("Brenmoor Harbour Authority");
        assertThat(clean("The Office of the Attorney General said so.", "Office of the Attorney General", "ORGANIZATION"))
                .extracting(Mention::surface).containsExactly("Office of the Attorney General");
        assertThat(clean("Lawyers at Justice met.", "Justice", "ORGANIZATION")).extracting(Mention::surface).containsExactly("Justice");
    }

    @Test
    void realModelOutputGetsTheSameRepairs() {
        String text = "Mr. Okonkwo Adebayo met officials of the Brennan Valley water board.\n\n"
                + "Later Mr. Adebayo visited the Salt Lake.";
        List<Mention> ms = cleaner.clean(text, CoreNlpNer.analyse(text).mentions());
        assertThat(ms).extracting(Mention::surface).noneMatch(s -> s.startsWith("Mr"));
        for (Mention m : ms) assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
    }
}
