package io.sitrep.ingest.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class LanguageIdentifierTest {

    private final LanguageIdentifier identifier = SharedLanguageIdentifier.INSTANCE;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|The city council approved new traffic rules for the town centre on Tuesday. Most residents welcome the decision.",
            "de|Die Stadtverwaltung hat am Dienstag neue Regeln für den Verkehr in der Innenstadt beschlossen. Die meisten Anwohner begrüßen die Entscheidung.",
            "fr|Le conseil municipal a adopté mardi de nouvelles règles pour la circulation dans le centre-ville. La plupart des habitants saluent cette décision.",
            "es|El ayuntamiento aprobó el martes nuevas normas para el tráfico en el centro de la ciudad. La mayoría de los vecinos celebra la decisión.",
            "pl|Rada miasta przyjęła we wtorek nowe zasady ruchu w centrum miasta. Większość mieszkańców popiera tę decyzję.",
            "ru|Городской совет во вторник принял новые правила движения в центре города. Большинство жителей поддерживают это решение.",
            "uk|Міська рада у вівторок ухвалила нові правила руху в центрі міста. Більшість мешканців підтримують це рішення.",
            "ar|وافق مجلس المدينة يوم الثلاثاء على قواعد جديدة لحركة المرور في وسط المدينة. ويرحب معظم السكان بهذا القرار.",
            "zh|市议会周二通过了市中心交通的新规定。大多数居民对这一决定表示欢迎，商店老板也表示支持。"})
    void identifiesEachSupportedLanguage(String expected, String text) {
        LanguageGuess guess = identifier.identify(text);

        assertThat(guess.code()).isEqualTo(expected);
        assertThat(guess.confidence()).isBetween(0.15, 1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Hi there", "12345 67890 ---- !!!", "OK"})
    void shortOrLetterlessTextIsUndetermined(String text) {
        assertThat(identifier.identify(text)).isEqualTo(LanguageGuess.undetermined());
        assertThat(identifier.identify(null).code()).isEqualTo("und");
    }

    @Test
    void namesAndLoanwordsAreTooCloseToCall() {
        assertThat(identifier.identify("Hotel Taxi Radio Bank Hotel Taxi Radio Bank").code()).isEqualTo("und");
    }

    @Test
    void scriptWithOneCandidateLanguageIsCertain() {
        assertThat(identifier.identify("وافق مجلس المدينة يوم الثلاثاء على قواعد جديدة لحركة المرور.").confidence())
                .isEqualTo(1.0);
    }

    @Test
    void anUnclearStartIsDecidedOnTheLongerSample() {
        String unclear = "Hotel Taxi Radio Bank Hotel Taxi Radio Bank ".repeat(10);
        String german = "Die Stadtverwaltung hat am Dienstag neue Regeln für den Verkehr in der Innenstadt beschlossen. "
                .repeat(8);
        assertThat(unclear.length()).isGreaterThan(LanguageIdentifier.QUICK_SAMPLE_CHARS);
        assertThat(identifier.identify(unclear).code()).isEqualTo("und");

        assertThat(identifier.identify(unclear + german).code()).isEqualTo("de");
    }

    @Test
    void aClearStartDecidesAlone() {
        String english = "The city council approved new traffic rules for the town centre on Tuesday. ".repeat(6);
        String german = "Die Stadtverwaltung hat am Dienstag neue Regeln für den Verkehr in der Innenstadt beschlossen. "
                .repeat(12);

        LanguageGuess guess = identifier.identify(english + german);

        assertThat(guess.code()).isEqualTo("en");
        assertThat(guess.confidence()).isGreaterThanOrEqualTo(LanguageIdentifier.CLEAR_DISTANCE);
    }

    @Test
    void longTextIsSampledAndCompletes() {
        String text = "The flood barrier held overnight and the river is falling. ".repeat(20_000);

        LanguageGuess guess = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> identifier.identify(text));

        assertThat(guess.code()).isEqualTo("en");
    }

    @Test
    void reportsTimePerArticle() {
        String article = SeedCorpus.text("000");
        identifier.identify(article);
        int runs = 50;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            identifier.identify(article);
        }
        double millis = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("LanguageIdentifier: %.2f ms per %d-char article (mean of %d)%n",
                millis, Math.min(article.length(), LanguageIdentifier.SAMPLE_CHARS), runs);
        assertThat(millis).isPositive();
    }
}
