package io.sitrep.entities.nlp;

import io.sitrep.entities.resolve.AliasKb;
import io.sitrep.entities.resolve.Gazetteer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** NORP typing of nationalities and "<place> region" spans in {@link MentionCleaner}. */
class NationalityAndRegionCleaningTest {

    private static MentionCleaner cleaner;

    @BeforeAll
    static void load() {
        AliasKb kb = AliasKb.loadDefault();
        cleaner = new MentionCleaner(kb, Gazetteer.loadDefault(kb)::isRegion);
    }

    private static RawMention raw(String text, String surface, int from, String type) {
        int s = text.indexOf(surface, from);
        return new RawMention(surface, type, s, s + surface.length(), 0);
    }

    @Test
    void nationalitiesAreNorpWhateverTheModelOrTheDocumentSaid() {
        String text = "Ukrainian officials said Russians attacked. Aide Ukrainian Petrenko and Belarusian troops.";
        List<RawMention> raw = List.of(
                raw(text, "Ukrainian", 0, "MISC"),
                raw(text, "Russians", 0, "PERSON"),
                raw(text, "Ukrainian Petrenko", 0, "PERSON"),   // would lend "Ukrainian" its PERSON type
                raw(text, "Belarusian", 0, "ORGANIZATION"));
        assertThat(cleaner.clean(text, raw)).extracting(Mention::surface, Mention::type).containsExactly(
                tuple("Ukrainian", "NORP"), tuple("Russians", "NORP"), tuple("Ukrainian Petrenko", "PERSON"),
                tuple("Belarusian", "NORP"));
    }

    @Test
    void aMultiWordMiscNameIsNotANationality() {
        String text = "The Ukrainian Orthodox Church met.";
        assertThat(cleaner.clean(text, List.of(raw(text, "Ukrainian Orthodox Church", 0, "MISC"))))
                .extracting(Mention::type).containsExactly("MISC");
    }

    @Test
    void aRegionWordAfterAKnownRegionNameExtendsTheSpan() {
        String text = "Shelling hit the Donetsk region, then Donetsk itself, the Bakhmut region and Kharkiv Oblast.";
        List<RawMention> raw = new ArrayList<>(List.of(
                raw(text, "Donetsk", 0, "LOCATION"),
                raw(text, "Donetsk", text.indexOf("then"), "LOCATION"),
                raw(text, "Bakhmut", 0, "LOCATION"),
                raw(text, "Kharkiv", 0, "LOCATION")));
        List<Mention> ms = cleaner.clean(text, raw);
        assertThat(ms).extracting(Mention::surface, Mention::type).containsExactly(
                tuple("Donetsk region", "LOCATION"), tuple("Donetsk", "LOCATION"),
                tuple("Bakhmut", "LOCATION"),                  // "Bakhmut region" is no region Sitrep knows
                tuple("Kharkiv Oblast", "LOCATION"));
        for (Mention m : ms) assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
    }

    @Test
    void nationalitiesFromTheRealModel() {
        String text = "Ukrainian forces repelled an attack, the general staff said on Tuesday. "
                + "Russians and Belarusians watched as British and American officials met in Kyiv.";
        List<Mention> ms = cleaner.clean(text, CoreNlpNer.analyse(text).mentions());
        assertThat(ms).filteredOn(m -> List.of("Ukrainian", "Russians", "Belarusians", "British", "American")
                .contains(m.surface())).isNotEmpty().allSatisfy(m -> assertThat(m.type()).isEqualTo("NORP"));
        assertThat(ms).filteredOn(m -> m.type().equals("PERSON") || m.type().equals("ORGANIZATION"))
                .extracting(Mention::surface).doesNotContain("Ukrainian", "Russians", "Belarusians", "British", "American");
    }
}
