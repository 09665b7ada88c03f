package io.sitrep.entities.nlp;

import io.sitrep.testsupport.Seeds;
import io.sitrep.entities.resolve.AliasKb;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RoleExtractorTest {

    private final MentionCleaner cleaner = new MentionCleaner(AliasKb.loadDefault());
    private final RoleExtractor roles = new RoleExtractor();

    private List<Role> rolesOf(String text) {
        return roles.extract(text, cleaner.clean(text, CoreNlpNer.analyse(text).mentions()));
    }

    private static List<Tuple> triples(List<Role> rs) {
        return rs.stream().map(r -> tuple(r.person().surface(), r.title(), r.organisation())).toList();
    }

    @Test
    void titlesBeforeNames() {
        String text = "Lithuanian Foreign Minister Gabrielius Landsbergis met Oxfam spokeswoman Maria Lopez in Vilnius. "
                + "Kharkiv Governor Oleh Synyehubov said the city was calm.";
        List<Role> rs = rolesOf(text);
        assertThat(triples(rs)).contains(
                tuple("Gabrielius Landsbergis", "Foreign Minister", "Lithuanian"),
                tuple("Maria Lopez", "spokeswoman", "Oxfam"),
                tuple("Oleh Synyehubov", "Governor", "Kharkiv"));
        for (Role r : rs) {
            assertThat(text.substring(r.titleStart(), r.titleEnd())).isEqualTo(r.title());
            if (r.organisation() != null) {
                assertThat(text.substring(r.organisationStart(), r.organisationEnd())).isEqualTo(r.organisation());
            }
        }
    }

    @Test
    void possessiveTitleWithCommaAndCoordinatedTitles() {
        String text = "The Red Cross's Director, Anna Berg, flew in. Later, Gazprom chief and Kremlin ally Ivan Drozdov spoke.";
        assertThat(triples(rolesOf(text))).contains(
                tuple("Anna Berg", "Director", "Red Cross"),
                tuple("Ivan Drozdov", "ally", "Kremlin"),
                tuple("Ivan Drozdov", "chief", "Gazprom"));
    }

    @Test
    void possessiveConjunctBelongsToSomeoneElse() {
        String text = "Poland's president and UNICEF Director Catherine Russell called for aid.";
        assertThat(triples(rolesOf(text))).containsExactly(tuple("Catherine Russell", "Director", "UNICEF"));
    }

    @Test
    void appositionAfterName() {
        String text = "Ivan Drozdov, the head of the private military company Vostok Group, denied it. "
                + "Olga Marchenko, a deputy commander of Ukraine's 3rd brigade, disagreed. Tom Reed, a Republican, left.";
        List<Role> rs = rolesOf(text);
        assertThat(triples(rs)).contains(tuple("Ivan Drozdov", "head", "Vostok Group"));
        assertThat(rs).anySatisfy(r -> {
            assertThat(r.person().surface()).isEqualTo("Olga Marchenko");
            assertThat(r.title()).isEqualTo("deputy commander");
        });
        assertThat(rs).noneMatch(r -> r.person().surface().equals("Tom Reed"));
    }

    @Test
    void noTitleNoRole() {
        assertThat(rolesOf("Yesterday Maria Lopez visited Vilnius with friends.")).isEmpty();
    }

    @Test
    void seedPeopleGetTheirRoles() {
        List<Role> all = new java.util.ArrayList<>();
        for (String seed : List.of("000_", "001_", "002_", "003_", "004_")) all.addAll(rolesOf(Seeds.text(seed)));
        assertThat(triples(all)).contains(
                tuple("Jens Stoltenberg", "Secretary General", "NATO"),
                tuple("Jens Stoltenberg", "Secretary-General", "NATO"),
                tuple("Yevgeny Prigozhin", "chief", "Wagner"),
                tuple("Yevgeny Prigozhin", "head", "Wagner Group"),
                tuple("Pavlo Kyrylenko", "Governor", "Donetsk"),
                tuple("Dmitry Peskov", "spokes man", "Kremlin"),
                tuple("Sergey Shoygu", "Defence Minister", null),
                tuple("Antonio Guterres", "Secretary-General", "United Nations"),
                tuple("Volodymyr Nazarenko", "deputy commander", "Soboda"));
        // "Ukraine's president and United Nations Secretary-General Antonio Guterres": the president is not Guterres
        assertThat(all).noneMatch(r -> r.person().surface().equals("Antonio Guterres") && r.title().equals("president"));
    }
}
