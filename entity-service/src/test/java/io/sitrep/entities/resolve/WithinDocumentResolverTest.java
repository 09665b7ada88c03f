package io.sitrep.entities.resolve;

import io.sitrep.entities.nlp.CoreNlpNer;
import io.sitrep.entities.nlp.Mention;
import io.sitrep.entities.nlp.MentionCleaner;
import io.sitrep.testsupport.Seeds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WithinDocumentResolverTest {

    private final AliasKb kb = AliasKb.loadDefault();
    private final MentionCleaner cleaner = new MentionCleaner(kb);
    private final WithinDocumentResolver resolver = new WithinDocumentResolver(CrossDocumentMatcher.withDefaults());

    private List<DocumentEntity> resolveText(String text) {
        return resolver.resolve(cleaner.clean(text, CoreNlpNer.analyse(text).mentions()));
    }

    private static Optional<DocumentEntity> entityWith(List<DocumentEntity> es, String surface) {
        return es.stream().filter(e -> e.mentions().stream().anyMatch(m -> m.surface().equals(surface))).findFirst();
    }

    private static Mention m(String surface, String type, int start) {
        return new Mention(surface, type, start, start + surface.length(), 0, type);
    }

    @Test
    void surnameAttachesToTheOnlyFullName() {
        String text = "Foreign minister Anna Kowalczyk arrived in Vilnius on Tuesday. Kowalczyk met Mr Petras Jonaitis. "
                + "Later Jonaitis said Anna had left.";
        List<DocumentEntity> es = resolveText(text);
        assertThat(entityWith(es, "Kowalczyk")).get().extracting(DocumentEntity::displayName).isEqualTo("Anna Kowalczyk");
        assertThat(entityWith(es, "Jonaitis")).get().extracting(DocumentEntity::displayName).isEqualTo("Petras Jonaitis");
    }

    @Test
    void ambiguousSurnameStaysSeparate() {
        List<Mention> ms = List.of(m("Joe Biden", "PERSON", 0), m("Hunter Biden", "PERSON", 20), m("Biden", "PERSON", 40));
        List<DocumentEntity> es = resolver.resolve(ms);
        assertThat(es).extracting(DocumentEntity::displayName).containsExactly("Joe Biden", "Hunter Biden", "Biden");
    }

    @Test
    void sharedFirstNameDoesNotMerge() {
        List<Mention> ms = List.of(m("Volodymyr Zelenskyy", "PERSON", 0), m("Volodymyr Nazarenko", "PERSON", 30),
                m("Volodymyr", "PERSON", 60));
        List<DocumentEntity> es = resolver.resolve(ms);
        assertThat(es).hasSize(3);   // the bare first name fits both, so it attaches to neither
    }

    @Test
    void bareOrganisationNameAttachesToItsGroupAndAcronymsToTheirExpansion() {
        List<Mention> ms = List.of(m("Vostok Group", "ORGANIZATION", 0), m("Vostok", "ORGANIZATION", 20),
                m("United Nations", "ORGANIZATION", 40), m("UN", "ORGANIZATION", 60),
                m("UK Ministry of Defence", "ORGANIZATION", 80), m("Russian Defence Ministry", "ORGANIZATION", 110),
                m("Defence Ministry", "ORGANIZATION", 140));
        List<DocumentEntity> es = resolver.resolve(ms);
        assertThat(es).extracting(DocumentEntity::displayName)
                .containsExactly("Vostok Group", "United Nations", "UK Ministry of Defence", "Russian Defence Ministry", "Defence Ministry");
    }

    @Test
    void mergingDoesNotChainThroughAnInitial() {
        List<Mention> ms = List.of(m("Joe Biden", "PERSON", 0), m("J. Biden", "PERSON", 20), m("Jill Biden", "PERSON", 40));
        List<DocumentEntity> es = resolver.resolve(ms);
        assertThat(es).noneMatch(e -> e.mentions().stream().map(Mention::surface).toList().containsAll(List.of("Joe Biden", "Jill Biden")));
    }

    @Test
    void spellingVariantsAndAliasesMergeWithinADocument() {
        List<Mention> ms = List.of(m("Volodymyr Zelenskyy", "PERSON", 0), m("Volodymyr Zelensky", "PERSON", 30),
                m("Bakhmut", "LOCATION", 60), m("Artyomovsk", "LOCATION", 80), m("Artemivsk", "LOCATION", 100));
        assertThat(resolver.resolve(ms)).extracting(e -> e.mentions().size()).containsExactly(2, 3);
    }

    @Test
    void typesNeverMix() {
        List<Mention> ms = List.of(m("Georgia", "LOCATION", 0), m("Georgia", "PERSON", 20));
        assertThat(resolver.resolve(ms)).hasSize(2);
    }

    @Test
    void seedDocumentsResolvePartialNames() {
        List<DocumentEntity> blog = resolveText(Seeds.text("002"));
        assertThat(entityWith(blog, "Stoltenberg")).get().extracting(DocumentEntity::displayName).isEqualTo("Jens Stoltenberg");
        assertThat(entityWith(blog, "Zelenskyy")).get().extracting(DocumentEntity::displayName).isEqualTo("Volodymyr Zelenskyy");
        // "Mr McCarthy": the courtesy title is not part of the mention, which still resolves to the full name
        assertThat(entityWith(blog, "Mr McCarthy")).isEmpty();
        assertThat(entityWith(blog, "McCarthy")).get().extracting(DocumentEntity::displayName).isEqualTo("Kevin McCarthy");
        assertThat(entityWith(blog, "Guterres")).get().extracting(DocumentEntity::displayName).isEqualTo("Antonio Guterres");
        assertThat(entityWith(blog, "Peskov")).get().extracting(DocumentEntity::displayName).isEqualTo("Dmitry Peskov");
        assertThat(entityWith(blog, "Artyomovsk")).get().extracting(DocumentEntity::displayName).isEqualTo("Bakhmut");
        assertThat(entityWith(blog, "Bakhmutka")).get().extracting(DocumentEntity::displayName).isEqualTo("Bakhmutka");
        assertThat(entityWith(blog, "Wagner")).get().extracting(DocumentEntity::type).isEqualTo("ORGANIZATION");
        assertThat(entityWith(blog, "Kiev")).get().extracting(DocumentEntity::type).isEqualTo("LOCATION");

        List<DocumentEntity> d003 = resolveText(Seeds.text("003"));
        DocumentEntity prigozhin = entityWith(d003, "Prigozhin").orElseThrow();
        assertThat(prigozhin.mentions()).extracting(Mention::surface).contains("Yevgeny Prugozhin");
        DocumentEntity ukMod = entityWith(d003, "UK Ministry of Defense").orElseThrow();
        assertThat(ukMod.mentions()).extracting(Mention::surface).doesNotContain("Russian Defense Ministry");

        List<DocumentEntity> d000 = resolveText(Seeds.text("000"));
        assertThat(entityWith(d000, "Volodymyr Nazarenko")).get().extracting(e -> e.mentions().size()).isEqualTo(1);
        assertThat(entityWith(d000, "Putin")).get().extracting(DocumentEntity::displayName).isEqualTo("Vladimir Putin");

        List<DocumentEntity> d004 = resolveText(Seeds.text("004"));
        assertThat(entityWith(d004, "Artyomovsk")).get().extracting(DocumentEntity::displayName).isEqualTo("Bakhmut");
        assertThat(entityWith(d004, "Zelenskyy")).get().extracting(DocumentEntity::displayName).isEqualTo("Volodymyr Zelenskyy");
        assertThat(entityWith(d004, "Henrot")).get().extracting(DocumentEntity::displayName).isEqualTo("Pierre Henrot");
    }
}
