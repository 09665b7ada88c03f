package io.sitrep.ingest.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ContentFingerprintsTest {

    private static final String STORY = "The temporary flood barrier along the Marrow river held overnight as "
            + "water reached its highest level since records began. Residents of the lower town were told to stay "
            + "on upper floors while crews reinforced the barrier with sandbags and steel plates. The chief "
            + "engineer said the wall had been designed for a smaller flood but had so far held without leaks. "
            + "Council officials said the ferry service would remain suspended until the river fell below the "
            + "warning mark, which could take several days.";

    private final ContentFingerprints fingerprints = new ContentFingerprints();

    @Test
    void exactKeyIgnoresCasePunctuationUnicodeFormsAndWhitespace() {
        String variant = "  THE temporary flood-barrier along the Marrow river\u00A0held overnight, as water reached "
                + "its highest level since records began!";
        String original = "The temporary flood barrier along the Marrow river held overnight as water reached its "
                + "highest level since records began.";
        String fullWidth = "Ｔｈｅ temporary flood barrier along the Marrow river held overnight as water reached its "
                + "highest level since records began";

        assertThat(fingerprints.exactKey(variant)).isEqualTo(fingerprints.exactKey(original))
                .isEqualTo(fingerprints.exactKey(fullWidth)).matches("[0-9a-f]{64}");
        assertThat(fingerprints.exactKey(original)).isNotEqualTo(fingerprints.exactKey(original + " Extra."));
    }

    @Test
    void normaliserFoldsApostrophesAndDashes() {
        ContentNormalizer normalizer = new ContentNormalizer();

        assertThat(normalizer.normalize("Don’t  cross—the BRIDGE!")).isEqualTo("dont cross the bridge");
        assertThat(normalizer.normalize("don't cross - the bridge")).isEqualTo("dont cross the bridge");
    }

    @Test
    void identicalTextsHaveIdenticalDeterministicFingerprints() {
        ContentFingerprint a = fingerprints.fingerprint(STORY);
        ContentFingerprint b = new ContentFingerprints().fingerprint(STORY);

        assertThat(a).isEqualTo(b);
        assertThat(fingerprints.similarity(a.minHash(), b.minHash())).isEqualTo(1.0);
        assertThat(a.minHash().values()).hasSize(128);
        assertThat(a.bandKeys()).hasSize(32).doesNotHaveDuplicates()
                .allMatch(key -> key.matches("\\d{2}-[0-9a-f]{16}"));
        assertThat(a.bandKeys().get(0)).startsWith("00-");
        assertThat(a.bandKeys().get(31)).startsWith("31-");
    }

    @Test
    void oneChangedSentenceKeepsSimilarityHigh() {
        String edited = STORY.replace("The chief engineer said the wall had been designed for a smaller flood",
                "According to the chief engineer, the wall was built for a smaller flood");

        double similarity = fingerprints.similarity(fingerprints.minHash(STORY), fingerprints.minHash(edited));

        assertThat(similarity).isBetween(0.4, 0.95);
    }

    @Test
    void unrelatedTextScoresNearZero() {
        String other = "The city orchestra announced its summer programme on Friday, with three open-air concerts "
                + "in the botanical garden and a new piece commissioned from a local composer for the festival.";

        double similarity = fingerprints.similarity(fingerprints.minHash(STORY), fingerprints.minHash(other));

        assertThat(similarity).isLessThan(0.05);
    }

    @Test
    void textWithoutWordsIsSimilarToNothing() {
        ContentFingerprint empty = fingerprints.fingerprint("!!! ... ---");

        assertThat(empty.minHash().shingleCount()).isZero();
        assertThat(empty.bandKeys()).isEmpty();
        assertThat(fingerprints.similarity(empty.minHash(), fingerprints.minHash("?? --"))).isZero();
    }

    @Test
    void shortTextIsOneShingle() {
        MinHashSignature signature = fingerprints.minHash("Barrier holds");

        assertThat(signature.shingleCount()).isEqualTo(1);
        assertThat(fingerprints.similarity(signature, fingerprints.minHash("barrier, holds!"))).isEqualTo(1.0);
    }

    @Test
    void signaturesExposeNoMutableState() {
        MinHashSignature signature = fingerprints.minHash(STORY);
        long[] values = signature.values();
        values[0] = 42;

        assertThat(signature.values()[0]).isNotEqualTo(42);
    }

    @Test
    void largeInputCompletes() {
        String big = String.join(" ", java.util.Collections.nCopies(100_000, "word")) + " " + "1".repeat(50_000);

        ContentFingerprint fingerprint = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> fingerprints.fingerprint(big));

        assertThat(fingerprint.bandKeys()).hasSize(32);
    }

    @Test
    void configurationMustDivideIntoBands() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ContentFingerprints(100, 5, 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ContentFingerprints(64, 3, 16).fingerprint(STORY).bandKeys()).hasSize(16);
        assertThat(List.of(new ContentFingerprints(64, 3, 16).minHash(STORY).values().length)).containsExactly(64);
    }
}
