package io.sitrep.entities.resolve;

import io.sitrep.entities.nlp.NameNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AliasKbAndFoldingTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "Zelenskyy,Zelensky", "Zelenskiy,Zelenskyi", "Shoygu,Shoigu", "Yevgeny,Evgeny", "Yevgeniy,Yevgeny",
            "Kharkiv,Harkiv", "Artyomovsk,Artemovsk", "Fyodor,Fedor", "Kyrylenko,Kirilenko", "Donbass,Donbas"})
    void foldsRomanisationVariantsTogether(String a, String b) {
        assertThat(Transliteration.fold(NameNormalizer.normalise(a))).isEqualTo(Transliteration.fold(NameNormalizer.normalise(b)));
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource({"Volodymyr,Vladimir", "Kyiv,Kiev", "Bakhmut,Bakhmutka", "Artemivsk,Artemovsk", "Ivanov,Ivanova"})
    void keepsDistinctNamesApart(String a, String b) {
        assertThat(Transliteration.fold(NameNormalizer.normalise(a))).isNotEqualTo(Transliteration.fold(NameNormalizer.normalise(b)));
    }

    @Test
    void normalisationHandlesCaseDiacriticsPunctuationAndPossessives() {
        assertThat(NameNormalizer.normalise("  Gérard  DEPARDIEU ")).isEqualTo("gerard depardieu");
        assertThat(NameNormalizer.normalise("U.K.")).isEqualTo("uk");
        assertThat(NameNormalizer.normalise("Russia\u2019s Defence-Ministry")).isEqualTo("russia defence ministry");
        assertThat(NameNormalizer.normalise("Łódź")).isEqualTo("lodz");
        assertThat(NameNormalizer.normalise("--")).isEmpty();
        assertThat(NameKey.of("Mr Kevin McCarthy").tokens()).containsExactly("kevin", "mccarthy");
    }

    @Test
    void knowledgeBaseLookupsAndTypes() {
        AliasKb kb = AliasKb.loadDefault();
        assertThat(kb.canonical("LOCATION", "Artemivs'k")).contains("Bakhmut");
        assertThat(kb.canonical("LOCATION", "KIEV")).contains("Kyiv");
        assertThat(kb.canonical("ORGANIZATION", "Kiev")).isEmpty();
        assertThat(kb.typeOf("Artyomovsk")).contains("LOCATION");
        assertThat(kb.typeOf("PMC Wagner")).contains("ORGANIZATION");
        assertThat(kb.aliases("LOCATION", "Bakhmut")).contains("Artyomovsk", "Artemivsk");
    }

    @Test
    void nationalitiesAreNorpAliasesOfTheirAdjective() {
        AliasKb kb = AliasKb.loadDefault();
        assertThat(kb.canonical("NORP", "Ukrainians")).contains("Ukrainian");
        assertThat(kb.canonical("NORP", "Byelorussians")).contains("Belarusian");
        assertThat(kb.typeOf("Ukrainian")).contains("NORP");
        assertThat(kb.typeOf("Russians")).contains("NORP");
        assertThat(kb.canonical("PERSON", "Ukrainian")).isEmpty();
        // given names are not listed as nationalities
        assertThat(kb.typeOf("Finn")).isEmpty();
        assertThat(kb.typeOf("Dane")).isEmpty();
    }

    @Test
    void ambiguousAliasesAreDroppedAndBadLinesRejected() {
        String tsv = "# c\nAlpha Town\tLOCATION\tAT\nAtlas Town\tLOCATION\tAT\nAlpha Town\tLOCATION\tAlphaville\n"
                + "Alpha Town\tORGANIZATION\tAlphaville\n";
        AliasKb kb = AliasKb.load(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
        assertThat(kb.canonical("LOCATION", "AT")).isEmpty();
        assertThat(kb.canonical("LOCATION", "Alphaville")).contains("Alpha Town");
        assertThat(kb.typeOf("Alphaville")).isEqualTo(Optional.empty());   // listed under two types: no evidence
        assertThatThrownBy(() -> AliasKb.load(new ByteArrayInputStream("a\tb\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class);
    }
}
