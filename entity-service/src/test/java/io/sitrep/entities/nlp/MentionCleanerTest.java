package io.sitrep.entities.nlp;

import io.sitrep.testsupport.Seeds;
import io.sitrep.entities.resolve.AliasKb;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MentionCleanerTest {

    private final MentionCleaner cleaner = new MentionCleaner(AliasKb.loadDefault());
    private final MentionCleaner noLexicon = new MentionCleaner(TypeLexicon.none());

    private static void assertOffsetContract(String text, List<Mention> ms) {
        for (Mention m : ms) assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
    }

    @Test
    void pronounsFromTheRealModelAreDropped() {
        String text = "He met Maria Kowalski in Gdansk. She said his plan was sound, and they agreed.";
        CoreNlpNer.Result r = CoreNlpNer.analyse(text);
        List<Mention> ms = noLexicon.clean(text, r.mentions());
        assertThat(ms).extracting(Mention::surface).doesNotContain("He", "She", "his", "they")
                .contains("Maria Kowalski", "Gdansk");
        assertOffsetContract(text, ms);
    }

    @Test
    void aNationalityNamingALanguageIsMiscNotNorp() {
        String text = "The colonel said in Russian that Ukrainian troops had left the town.";
        List<Mention> ms = cleaner.clean(text, CoreNlpNer.analyse(text).mentions());
        assertThat(ms).filteredOn(m -> m.surface().equals("Russian")).singleElement()
                .extracting(Mention::type).isEqualTo("MISC");
        assertThat(ms).filteredOn(m -> m.surface().equals("Ukrainian")).singleElement()
                .extracting(Mention::type).isEqualTo("NORP");
        assertOffsetContract(text, ms);
    }

    @Test
    void allCapitalUsIsACountryNotAPronoun() {
        assertThat(MentionCleaner.isPronoun("US")).isFalse();
        assertThat(MentionCleaner.isPronoun("us")).isTrue();
        assertThat(MentionCleaner.isPronoun("His")).isTrue();
    }

    @Test
    void bracketInsideAPersonSpanKeepsTheSurnamePart() {
        String text = "Now, President (of Ruritania Anton) Novak also spoke.";
        int s = text.indexOf("Anton");
        RawMention raw = new RawMention("Anton) Novak", "PERSON", s, s + 12, 0);
        List<Mention> ms = noLexicon.clean(text, List.of(raw));
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.surface()).isEqualTo("Novak");
            assertThat(m.start()).isEqualTo(text.indexOf("Novak"));
        });
        assertOffsetContract(text, ms);
    }

    @Test
    void separatorInsideAnOrganisationSpanSplitsIt() {
        String text = "LONDON (Acme Wire / Harbour Post - 3 May) The ministry said.";
        int s = text.indexOf("Acme");
        int e = text.indexOf(" - 3");
        RawMention raw = new RawMention(text.substring(s, e), "ORGANIZATION", s, e, 0);
        List<Mention> ms = noLexicon.clean(text, List.of(raw));
        assertThat(ms).extracting(Mention::surface).containsExactly("Acme Wire", "Harbour Post");
        assertOffsetContract(text, ms);
    }

    @Test
    void edgePunctuationAndPossessivesAreTrimmedButAbbreviationDotsKept() {
        String text = "\"Novak's\" team met the U.K. envoy.";
        RawMention quoted = new RawMention("\"Novak's\"", "PERSON", 0, 9, 0);
        int uk = text.indexOf("U.K.");
        RawMention abbr = new RawMention("U.K.", "LOCATION", uk, uk + 4, 0);
        List<Mention> ms = noLexicon.clean(text, List.of(quoted, abbr));
        assertThat(ms).extracting(Mention::surface).containsExactly("Novak", "U.K.");
        assertOffsetContract(text, ms);
    }

    @Test
    void invalidOrLowerCaseSpansAreDropped() {
        String text = "incoming fire hit Avdiivka";
        List<RawMention> raw = List.of(new RawMention("incoming", "MISC", 0, 8, 0),
                new RawMention("Avdiivka", "LOCATION", 5, 13, 0));   // offsets do not match the surface
        assertThat(noLexicon.clean(text, raw)).isEmpty();
    }

    @Test
    void bareNameTakesTheTypeOfTheOrganisationItAbbreviates() {
        String text = "The Vostok Group sent fighters. Vostok later denied it. Vostok said nothing.";
        List<RawMention> raw = List.of(
                new RawMention("Vostok Group", "ORGANIZATION", 4, 16, 0),
                new RawMention("Vostok", "PERSON", 32, 38, 1),
                new RawMention("Vostok", "PERSON", 56, 62, 2));
        assertThat(noLexicon.clean(text, raw)).extracting(Mention::type).containsOnly("ORGANIZATION");
    }

    @Test
    void surnameTakesPersonTypeFromFullName() {
        String text = "Ivan Petrenko spoke. Talks with Petrenko ended.";
        List<RawMention> raw = List.of(
                new RawMention("Ivan Petrenko", "PERSON", 0, 13, 0),
                new RawMention("Petrenko", "LOCATION", 32, 40, 1));
        assertThat(noLexicon.clean(text, raw)).extracting(Mention::type).containsOnly("PERSON");
    }

    @Test
    void majorityTypeWinsPerNormalisedName() {
        String text = "Ostrava x. Ostrava y. OSTRAVA z.";
        List<RawMention> raw = List.of(
                new RawMention("Ostrava", "LOCATION", 0, 7, 0),
                new RawMention("Ostrava", "PERSON", 11, 18, 1),
                new RawMention("OSTRAVA", "LOCATION", 22, 29, 2));
        List<Mention> ms = noLexicon.clean(text, raw);
        assertThat(ms).extracting(Mention::type).containsOnly("LOCATION");
        assertThat(ms.get(1).nerType()).isEqualTo("PERSON");
    }

    @Test
    void lexiconOverridesAModelLabelForAKnownPlace() {
        String text = "Troops entered Artyomovsk at dawn.";
        List<RawMention> raw = List.of(new RawMention("Artyomovsk", "PERSON", 15, 25, 0));
        assertThat(cleaner.clean(text, raw)).extracting(Mention::type).containsExactly("LOCATION");
    }

    @Test
    void lexiconDoesNotOverrideAPersonNameInTheSameDocument() {
        // "Wagner" is an organisation in the knowledge base, but here it is the surname of a named person
        String text = "Richard Wagner wrote operas. Wagner died in Venice.";
        List<RawMention> raw = List.of(new RawMention("Richard Wagner", "PERSON", 0, 14, 0),
                new RawMention("Wagner", "PERSON", 29, 35, 1));
        assertThat(cleaner.clean(text, raw)).extracting(Mention::type).containsOnly("PERSON");
    }

    @Test
    void gluedPlaceNameIsTrimmedToTheKnownName() {
        String text = "Shelling moved to the city of Avdiivkasouth of Kramatorsk overnight.";
        int s = text.indexOf("city");
        int e = text.indexOf(" overnight");
        RawMention raw = new RawMention(text.substring(s, e), "ORGANIZATION", s, e, 0);
        List<Mention> ms = cleaner.clean(text, List.of(raw));
        assertThat(ms).extracting(Mention::surface, Mention::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Avdiivka", "LOCATION"),
                        org.assertj.core.groups.Tuple.tuple("Kramatorsk", "LOCATION"));
        assertOffsetContract(text, ms);
    }

    @Test
    void gluedNameIsOnlyTrimmedForKnownPlaces() {
        String text = "Talks in Washingtonian circles.";
        RawMention raw = new RawMention("Washingtonian", "MISC", 9, 22, 0);
        assertThat(cleaner.clean(text, List.of(raw))).extracting(Mention::surface).containsExactly("Washingtonian");
    }

    @Test
    void seedsCleanConsistently() {
        for (String seed : List.of("000_", "001_", "002_", "003_", "004_")) {
            String text = Seeds.text(seed);
            List<Mention> ms = cleaner.clean(text, CoreNlpNer.analyse(text).mentions());
            assertOffsetContract(text, ms);
            assertThat(ms).noneMatch(m -> MentionCleaner.isPronoun(m.surface()));
            assertThat(ms).filteredOn(m -> m.surface().equals("Bakhmut")).isNotEmpty()
                    .allMatch(m -> m.type().equals("LOCATION"));
            assertThat(ms).filteredOn(m -> m.surface().startsWith("Wagner")).allMatch(m -> m.type().equals("ORGANIZATION"));
            assertThat(ms).filteredOn(m -> m.surface().contains("Prigozhin")).allMatch(m -> m.type().equals("PERSON"));
            for (int i = 1; i < ms.size(); i++) assertThat(ms.get(i).start()).isGreaterThanOrEqualTo(ms.get(i - 1).end());
        }
        String t003 = Seeds.text("003");
        List<Mention> ms = cleaner.clean(t003, CoreNlpNer.analyse(t003).mentions());
        assertThat(ms).filteredOn(m -> m.surface().equals("Avdiivka")).extracting(Mention::type).containsExactly("LOCATION");
        String t004 = Seeds.text("004");
        List<Mention> ms4 = cleaner.clean(t004, CoreNlpNer.analyse(t004).mentions());
        assertThat(ms4).filteredOn(m -> m.surface().equals("Artyomovsk")).extracting(Mention::type).containsOnly("LOCATION");
    }
}
