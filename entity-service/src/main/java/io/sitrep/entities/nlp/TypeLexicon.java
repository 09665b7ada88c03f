package io.sitrep.entities.nlp;

import java.util.Optional;

/** Prior knowledge of a name's entity type (e.g. "Artyomovsk" is a LOCATION), independent of any one document. */
@FunctionalInterface
public interface TypeLexicon {
    Optional<String> typeOf(String name);

    static TypeLexicon none() {
        return name -> Optional.empty();
    }
}
