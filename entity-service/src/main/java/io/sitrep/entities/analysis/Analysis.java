package io.sitrep.entities.analysis;

import io.sitrep.entities.nlp.DateMention;
import io.sitrep.entities.nlp.Extraction;
import io.sitrep.entities.nlp.Mention;
import io.sitrep.entities.nlp.Quote;
import io.sitrep.entities.nlp.Role;
import io.sitrep.entities.resolve.DocumentEntity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the analysis found in one text, before any cross-document resolution: cleaned mentions, the
 * document's entities (in order of first mention) with their salience, roles, quotes and dates. Every offset
 * is into the analysed text, so {@code text.substring(start, end)} is the surface.
 */
public record Analysis(String text, Extraction extraction, List<Mention> mentions, List<DocumentEntity> entities,
                       List<Double> salience, List<Role> roles, List<Quote> quotes, List<DateMention> dates) {

    /** Mention start offset to the index into {@link #entities()} of the entity owning that mention. */
    public Map<Integer, Integer> entityByMentionStart() {
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            for (Mention m : entities.get(i).mentions()) {
                index.put(m.start(), i);
            }
        }
        return index;
    }

    /** Distinct surfaces of one entity in this text, in order of first use. */
    public static List<String> surfaces(DocumentEntity e) {
        return e.mentions().stream().map(Mention::surface).distinct().toList();
    }
}
