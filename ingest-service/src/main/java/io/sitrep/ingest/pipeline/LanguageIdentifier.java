package io.sitrep.ingest.pipeline;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Identifies the language of article text with Lingua, restricted to the languages Sitrep ingests and in
 * low-accuracy mode (trigram models only: much smaller and faster, and accurate on article-length text,
 * which is all we classify).
 *
 * <p>Construction loads the models eagerly (about 0.7 s and 14 MB of retained heap for these nine languages,
 * measured by {@code LanguageIdentifierLoadBenchmark}), so create one instance at service start and reuse it.
 * Lingua caches loaded models in static fields of its own, so a second instance does not load them again.
 * Because the models are preloaded, detection only reads them; Lingua 1.2.2 does not document thread-safety
 * for the JVM library, so sharing one instance across request threads is believed safe but not verified.
 *
 * <p>Only the start of the text is classified, in two steps, because Lingua is most of the CPU time of an
 * ingested article and its cost grows with the sample: first {@value #QUICK_SAMPLE_CHARS} characters, and when
 * that answer is clear (relative distance at least {@value #CLEAR_DISTANCE}) it stands; otherwise the first
 * {@value #SAMPLE_CHARS} characters decide. More text does not change the answer for a single-language
 * article, and the sample bounds the time per call.
 *
 * <p>Confidence: Lingua 1.2.x gives no probabilities, only values relative to the best language (which is
 * always 1.0). The confidence reported here is Lingua's own "relative distance" between the best and the
 * second-best language, {@code 1 - second / best}: 0 is a tie, 1 means no other supported language had any
 * evidence (e.g. Arabic or Chinese script). It is not a calibrated probability and does not grow with text
 * length: measured on the English seed articles it is about 0.2, on a single clear English sentence about
 * 0.35, and below 0.05 on a list of names or loanwords ("Hotel Taxi Radio Bank"), hence the default
 * threshold of {@value #DEFAULT_MIN_DISTANCE}.
 */
public final class LanguageIdentifier {

    static final Language[] SUPPORTED = {
            Language.ENGLISH, Language.RUSSIAN, Language.UKRAINIAN, Language.GERMAN, Language.FRENCH,
            Language.SPANISH, Language.POLISH, Language.ARABIC, Language.CHINESE};
    static final int SAMPLE_CHARS = 1_000;
    static final int QUICK_SAMPLE_CHARS = 400;
    /** A quick-sample answer at least this far ahead of the runner-up is not re-checked on the longer sample. */
    static final double CLEAR_DISTANCE = 0.10;
    /** Fewer letters than this is a headline fragment or noise; any answer would be a guess. */
    static final int MIN_LETTERS = 20;
    /** Below this relative distance the two best languages are too close to call. */
    static final double DEFAULT_MIN_DISTANCE = 0.08;

    private final LanguageDetector detector;
    private final double minDistance;

    public LanguageIdentifier() {
        this(DEFAULT_MIN_DISTANCE);
    }

    /** @param minDistance below this relative distance between the two best languages the answer is "und" */
    public LanguageIdentifier(double minDistance) {
        this.minDistance = minDistance;
        this.detector = LanguageDetectorBuilder.fromLanguages(SUPPORTED)
                .withLowAccuracyMode()
                .withPreloadedLanguageModels()
                .build();
    }

    public LanguageGuess identify(String text) {
        if (text == null) {
            return LanguageGuess.undetermined();
        }
        if (text.length() > QUICK_SAMPLE_CHARS) {
            String quick = sample(text, QUICK_SAMPLE_CHARS);
            if (countLetters(quick) >= MIN_LETTERS) {
                LanguageGuess guess = classify(quick);
                if (guess.confidence() >= CLEAR_DISTANCE) {
                    return guess;
                }
            }
        }
        String sample = sample(text, SAMPLE_CHARS);
        if (countLetters(sample) < MIN_LETTERS) {
            return LanguageGuess.undetermined();
        }
        LanguageGuess guess = classify(sample);
        return guess.confidence() < minDistance ? LanguageGuess.undetermined() : guess;
    }

    /** Lingua's best language and its relative distance to the runner-up, whatever that distance. */
    private LanguageGuess classify(String sample) {
        SortedMap<Language, Double> relative = detector.computeLanguageConfidenceValues(sample);
        Language best = Language.UNKNOWN;
        double bestValue = 0.0;
        double secondValue = 0.0;
        for (Map.Entry<Language, Double> entry : relative.entrySet()) {
            double value = entry.getValue();
            if (value > bestValue) {
                secondValue = bestValue;
                best = entry.getKey();
                bestValue = value;
            } else if (value > secondValue) {
                secondValue = value;
            }
        }
        if (best == Language.UNKNOWN || bestValue <= 0.0) {
            return LanguageGuess.undetermined();
        }
        double distance = 1.0 - secondValue / bestValue;
        return new LanguageGuess(best.getIsoCode639_1().name().toLowerCase(Locale.ROOT), distance);
    }

    /** The first {@code chars} characters, cut back to a space so no word is split. */
    private static String sample(String text, int chars) {
        if (text.length() <= chars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', chars);
        return text.substring(0, cut > chars / 2 ? cut : chars);
    }

    private static int countLetters(String text) {
        int letters = 0;
        for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }
}
