package io.sitrep.ingest.pipeline;

/** One identifier for the whole test run: loading Lingua's models once keeps the suite fast. */
final class SharedLanguageIdentifier {

    static final LanguageIdentifier INSTANCE = new LanguageIdentifier();

    private SharedLanguageIdentifier() {
    }
}
