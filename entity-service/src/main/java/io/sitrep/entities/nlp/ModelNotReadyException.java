package io.sitrep.entities.nlp;

/** The NER model is still loading; callers get 503 with Retry-After. */
public class ModelNotReadyException extends RuntimeException {

    public ModelNotReadyException() {
        super("The NER model is still loading");
    }
}
