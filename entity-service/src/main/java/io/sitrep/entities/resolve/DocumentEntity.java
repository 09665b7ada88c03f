package io.sitrep.entities.resolve;

import io.sitrep.entities.nlp.Mention;

import java.util.List;

/** One entity of one document: its best name, its type and all its mentions in text order. */
public record DocumentEntity(String displayName, String type, List<Mention> mentions) {
    public DocumentEntity {
        mentions = List.copyOf(mentions);
    }

    public int firstStart() {
        return mentions.get(0).start();
    }
}
