package io.sitrep.entities.resolve;

import io.sitrep.entities.resolve.Match.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CrossDocumentMatcherTest {

    private final CrossDocumentMatcher matcher = CrossDocumentMatcher.withDefaults();

    @ParameterizedTest(name = "{0} = {1} ({2}) by {3}")
    @CsvSource(delimiter = '|', value = {
            "Zelenskyy|Zelensky|PERSON|TRANSLITERATION",
            "Zelenskiy|Zelenskyi|PERSON|TRANSLITERATION",
            "Volodymyr Zelenskyy|Volodymyr Zelensky|PERSON|TRANSLITERATION",
            "Sergei Shoygu|Sergei Shoigu|PERSON|TRANSLITERATION",
            "Yevgeny Prigozhin|Evgeny Prigozhin|PERSON|TRANSLITERATION",
            "Yevgeniy Prigozhin|Yevgeny Prigozhin|PERSON|TRANSLITERATION",
            "Pavlo Kyrylenko|Pavlo Kirilenko|PERSON|TRANSLITERATION",
            "Kharkiv|Harkiv|LOCATION|TRANSLITERATION",
            "Artyomovsk|Artemovsk|LOCATION|TRANSLITERATION",
            "Donbas|Donbass|LOCATION|TRANSLITERATION",
            "Bakhmut|Artyomovsk|LOCATION|ALIAS",
            "Artemivsk|Bakhmut|LOCATION|ALIAS",
            "Kyiv|Kiev|LOCATION|ALIAS",
            "Wagner Group|PMC Wagner|ORGANIZATION|ALIAS",
            "Wagner|Wagner Group|ORGANIZATION|ALIAS",
            "UK Ministry of Defence|UK MoD|ORGANIZATION|ALIAS",
            "UK Ministry of Defence|UK Ministry of Defense|ORGANIZATION|ALIAS",
            "Russian Defence Ministry|Russia's Ministry of Defence|ORGANIZATION|ALIAS",
            "MoD|Ministry of Defence|ORGANIZATION|ALIAS",
            "Prugozhin|Prigozhin|PERSON|EDIT_DISTANCE",
            "Yevgeny Prugozhin|Yevgeny Prigozhin|PERSON|EDIT_DISTANCE",
            "Jens Stoltenburg|Jens Stoltenberg|PERSON|EDIT_DISTANCE",
            "Emmanuel Macron|EMMANUEL MACRON|PERSON|NORMALISED",
            "Gerard Depardieu|Gérard Depardieu|PERSON|NORMALISED",
            "U.K.|UK|LOCATION|NORMALISED",
            "Vladimir Vladimirovich Putin|Vladimir Putin|PERSON|MIDDLE_NAME",
            "J. Stoltenberg|Jens Stoltenberg|PERSON|INITIALS",
            "Jens S. Stoltenberg|Jens Stoltenberg|PERSON|MIDDLE_NAME",
    })
    void merges(String a, String b, String type, Method method) {
        Match m = matcher.match(a, type, b, type);
        assertThat(m.same()).as(m.toString()).isTrue();
        assertThat(m.method()).as(m.toString()).isEqualTo(method);
        assertThat(m.score()).isBetween(0.5, 1.0);
        assertThat(m.evidence()).isNotBlank();
        assertThat(matcher.match(b, type, a, type).same()).as("symmetric").isTrue();
        assertThat(matcher.blockingKeys(a, type)).as("blocking keeps the pair").containsAnyElementsOf(matcher.blockingKeys(b, type));
    }

    @Test
    void acronymsWithoutKnowledgeBaseEntry() {
        Match un = matcher.match("OSCE", "ORGANIZATION", "Organization for Security and Co-operation in Europe", "ORGANIZATION");
        assertThat(un.same()).isFalse();   // "Co-operation" splits into two words: c, o — acronym does not fit, and that is fine
        Match isw = matcher.match("ISW", "ORGANIZATION", "Institute for the Study of War", "ORGANIZATION");
        assertThat(isw.same()).isTrue();
        Match sbu = matcher.match("SBU", "ORGANIZATION", "Security Bureau Ukraine", "ORGANIZATION");
        assertThat(sbu).extracting(Match::same, Match::method).containsExactly(true, Method.ACRONYM);
        Match ncsc = matcher.match("UK NCSC", "ORGANIZATION", "UK National Cyber Security Centre", "ORGANIZATION");
        assertThat(ncsc).extracting(Match::same, Match::method).containsExactly(true, Method.ACRONYM);
        // a lower-case word is never an acronym
        assertThat(matcher.match("Mod", "ORGANIZATION", "Modern Office Design", "ORGANIZATION").same()).isFalse();
    }

    @ParameterizedTest(name = "{0} != {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "Volodymyr Nazarenko|Volodymyr Zelenskyy|PERSON",
            "Vladimir Putin|Volodymyr Zelenskyy|PERSON",
            "Vladimir Putin|Vladimir Zelensky|PERSON",
            "Volodymyr|Vladimir|PERSON",
            "Bakhmut|Bakhmutka|LOCATION",
            "UK Ministry of Defence|Russian Defence Ministry|ORGANIZATION",
            "Russian Defence Ministry|Defence Ministry of Belarus|ORGANIZATION",
            "UK Ministry of Defence|Defence Ministry of Belarus|ORGANIZATION",
            "UK MoD|Russian MoD|ORGANIZATION",
            "Defence Ministry|Russian Defence Ministry|ORGANIZATION",
            "Ivanov|Ivanova|PERSON",
            "Yevgeny Prigozhin|Yevgeny Prigozhina|PERSON",
            "Alexander Lukashenko|Alexandra Lukashenko|PERSON",
            "Joe Biden|Hunter Biden|PERSON",
            "Biden|Joe Biden|PERSON",
            "Kyiv|Kyivstar|ORGANIZATION",
            "Putin|Putnik|PERSON",
            "Wagner Group|Wagner Group|LOCATION_VS_ORG",
            "Kiev|Kyiv|ORGANIZATION",
            "Lyman|Lymany|LOCATION",
            "Sergei Shoigu|Sergei Lavrov|PERSON",
            "Jens A. Stoltenberg|Jens B. Stoltenberg|PERSON",
            "K. Stoltenberg|Jens Stoltenberg|PERSON",
    })
    void doesNotMerge(String a, String b, String type) {
        String typeB = type.equals("LOCATION_VS_ORG") ? "ORGANIZATION" : type;
        String typeA = type.equals("LOCATION_VS_ORG") ? "LOCATION" : type;
        Match m = matcher.match(a, typeA, b, typeB);
        assertThat(m.same()).as(m.toString()).isFalse();
        assertThat(matcher.match(b, typeB, a, typeA).same()).isFalse();
    }

    @Test
    void refusalsExplainThemselves() {
        assertThat(matcher.match("UK Ministry of Defence", "ORGANIZATION", "Russian Defence Ministry", "ORGANIZATION"))
                .extracting(Match::method, Match::evidence).containsExactly(Method.QUALIFIER_CONFLICT, "different countries: GB vs RU");
        assertThat(matcher.match("Biden", "PERSON", "Joe Biden", "PERSON").method()).isEqualTo(Method.PARTIAL);
        assertThat(matcher.match("Kyiv", "LOCATION", "Moscow", "LOCATION").method()).isEqualTo(Method.KB_CONFLICT);
    }
}
