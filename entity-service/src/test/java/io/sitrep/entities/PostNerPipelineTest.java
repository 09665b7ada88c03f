package io.sitrep.entities;

import io.sitrep.entities.nlp.Mention;
import io.sitrep.entities.nlp.MentionCleaner;
import io.sitrep.entities.nlp.QuoteAttributor;
import io.sitrep.entities.nlp.RawMention;
import io.sitrep.entities.nlp.RelativeDateNormalizer;
import io.sitrep.entities.nlp.Role;
import io.sitrep.entities.nlp.RoleExtractor;
import io.sitrep.entities.resolve.AliasKb;
import io.sitrep.entities.resolve.CrossDocumentMatcher;
import io.sitrep.entities.resolve.DocumentEntity;
import io.sitrep.entities.resolve.Salience;
import io.sitrep.entities.resolve.WithinDocumentResolver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The whole post-NER analysis chained as the service runs it, on hostile inputs (speed: bin/benchmark-entities). */
class PostNerPipelineTest {

    private final AliasKb kb = AliasKb.loadDefault();
    private final MentionCleaner cleaner = new MentionCleaner(kb);
    private final WithinDocumentResolver resolver = new WithinDocumentResolver(CrossDocumentMatcher.withDefaults());
    private final RoleExtractor roles = new RoleExtractor();
    private final QuoteAttributor quotes = new QuoteAttributor();
    private final RelativeDateNormalizer dates = new RelativeDateNormalizer();
    private final Salience salience = new Salience();

    /** Runs every stage; returns a number derived from all outputs so the JIT cannot drop any of them. */
    private int analyse(String text, List<RawMention> raw) {
        List<Mention> ms = cleaner.clean(text, raw);
        List<DocumentEntity> entities = resolver.resolve(ms);
        List<Role> rs = roles.extract(text, ms);
        int n = quotes.attribute(text, ms, rs).size();
        n += dates.normaliseLiveBlog(text, LocalDate.of(2023, 3, 8)).size();
        n += salience.score(entities, text.length(), Math.max(0, text.indexOf('\n'))).size();
        return n + rs.size();
    }

    @Test
    void hostileDocumentsFinish() {
        // 100 000 characters on one line, every capitalised word a mention, quotes and dates sprinkled in
        StringBuilder line = new StringBuilder();
        List<RawMention> raw = new ArrayList<>();
        String[] types = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"};
        for (int i = 0; line.length() < 100_000; i++) {
            String name = "Name" + (i % 5000) + " Surname" + (i % 37);
            int s = line.length();
            line.append(name);
            raw.add(new RawMention(name, types[i % 4], s, s + name.length(), 0));
            line.append(i % 3 == 0 ? " said \"" : " chief, the head of ").append("on Monday ");
        }
        String longLine = line.substring(0, 100_000);
        List<RawMention> fitting = raw.stream().filter(m -> m.end() <= longLine.length()).toList();
        String marks = "\"".repeat(10_000);
        String unbalanced = "Anna Nowak said \"it never ends, ".repeat(3_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(analyse(longLine, fitting)).isPositive();
            analyse(marks, List.of());
            analyse(unbalanced, List.of(new RawMention("Anna Nowak", "PERSON", 0, 10, 0)));
        });
    }
}
