package io.sitrep.entities.resolve;

import io.sitrep.entities.nlp.CoreNlpNer;
import io.sitrep.entities.nlp.Mention;
import io.sitrep.entities.nlp.MentionCleaner;
import io.sitrep.testsupport.Seeds;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SalienceTest {

    private final Salience salience = new Salience();

    private static DocumentEntity entity(String name, int... starts) {
        List<Mention> ms = new java.util.ArrayList<>();
        for (int s : starts) ms.add(new Mention(name, "PERSON", s, s + name.length(), 0, "PERSON"));
        return new DocumentEntity(name, "PERSON", ms);
    }

    @Test
    void formulaParts() {
        DocumentEntity main = entity("Anna", 0, 200, 400, 600);
        DocumentEntity minor = entity("Petras", 500);
        List<Salience.EntitySalience> s = salience.score(List.of(minor, main), 1000, 50);
        assertThat(s.get(0).entity()).isEqualTo(main);
        assertThat(s.get(0).score()).isCloseTo(0.5 * 1 + 0.3 * 1 + 0.2, within(1e-9));
        assertThat(s.get(1).frequency()).isCloseTo(Math.log(2) / Math.log(5), within(1e-9));
        assertThat(s.get(1).position()).isCloseTo(0.5, within(1e-9));
        assertThat(s.get(1).inTitle()).isFalse();
        assertThat(s.get(1).score()).isCloseTo(0.5 * Math.log(2) / Math.log(5) + 0.15, within(1e-9));
    }

    @Test
    void degenerateInputsStayInRange() {
        assertThat(salience.score(List.of(), 0, 0)).isEmpty();
        assertThat(salience.score(List.of(entity("X", 5)), 0, 0)).allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
    }

    @Test
    void seedLiveBlogRanksBakhmutAndStoltenbergHigh() {
        String text = Seeds.text("002");
        AliasKb kb = AliasKb.loadDefault();
        List<Mention> ms = new MentionCleaner(kb).clean(text, CoreNlpNer.analyse(text).mentions());
        List<DocumentEntity> es = new WithinDocumentResolver(CrossDocumentMatcher.withDefaults()).resolve(ms);
        List<Salience.EntitySalience> ranked = salience.score(es, text.length(), text.indexOf('\n'));
        assertThat(ranked).allSatisfy(s -> assertThat(s.score()).isBetween(0.0, 1.0));
        List<String> top = ranked.subList(0, 6).stream().map(s -> s.entity().displayName()).toList();
        assertThat(top).contains("Bakhmut", "Ukraine", "Russia");
        double stoltenberg = ranked.stream().filter(s -> s.entity().displayName().equals("Jens Stoltenberg")).findFirst().orElseThrow().score();
        double lukashenko = ranked.stream().filter(s -> s.entity().displayName().equals("Alexander Lukashenko")).findFirst().orElseThrow().score();
        assertThat(stoltenberg).isGreaterThan(lukashenko);
    }
}
