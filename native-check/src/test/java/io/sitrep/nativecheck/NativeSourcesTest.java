package io.sitrep.nativecheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a GraalVM build would need, checked on the sources Quarkus generates for it
 * ({@code quarkus.native.sources-only=true}, run by every service build). Not verified here, because there is
 * no native-image: that the image links, and that the registrations below suffice at run time.
 */
class NativeSourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "entity-service", "query-service"})
    void everyClassJacksonReadsOrWritesIsRegisteredForReflection(String service) throws IOException {
        NativeSources sources = NativeSources.of(service);
        try (URLClassLoader loader = sources.classLoader()) {
            Map<Class<?>, String> types = JacksonTypes.of(sources, loader);
            assertThat(types.keySet()).extracting(Class::getSimpleName).as("the collector finds the known DTOs")
                    .contains(KNOWN_DTOS.get(service).toArray(String[]::new));
            List<String> missing = types.entrySet().stream().filter(e -> !sources.reflectiveForJackson(e.getKey()))
                    .map(e -> e.getKey().getName() + " (reached from " + e.getValue() + ")").toList();
            assertThat(missing).as(service + ": Jackson types without reflection registration").isEmpty();
        }
    }

    private static final Map<String, List<String>> KNOWN_DTOS = Map.of(
            "ingest-service", List.of("ArticleSubmission", "ArticleView", "ArticleReceipt", "Problem", "DocumentForAnalysis"),
            "entity-service", List.of("AnalyzeRequest", "AnalyzeResult", "DocumentSubmission", "Problem", "IndexDocument"),
            "query-service", List.of("IndexDocument", "SearchPage", "SearchHit", "DocumentView", "Problem"));

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "entity-service", "query-service"})
    void buildIsFinalAndCarriesEveryMigration(String service) throws IOException {
        NativeSources sources = NativeSources.of(service);
        assertThat(sources.args()).contains("--no-fallback");
        List<String> migrations;
        try (Stream<Path> files = Files.list(sources.moduleDir().resolve("src/main/resources/db/migration"))) {
            migrations = files.map(f -> "db/migration/" + f.getFileName()).sorted().toList();
        }
        assertThat(migrations).isNotEmpty()
                .allSatisfy(m -> assertThat(sources.includesResource(m)).as("Flyway finds " + m + " in the image").isTrue());
    }

    @Test
    void entityServiceCarriesItsModelAndCoreNlpRegistrations() {
        NativeSources sources = NativeSources.of("entity-service");
        assertThat(sources.includesResource("edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz")).isTrue();
        assertThat(sources.includesResource("io/sitrep/entities/resolve/aliases.tsv")).isTrue();
        assertThat(sources.includesResource("io/sitrep/entities/resolve/gazetteer.tsv.gz")).isTrue();
        for (String option : List.of("SerializationConfigurationResources", "ReflectionConfigurationResources")) {
            List<String> files = sources.hostedOption(option);
            assertThat(files).as(option).isNotEmpty();
            for (String file : files) {
                assertThat(sources.classesDir().resolve(file)).as(option + " names a file the image has").isRegularFile();
            }
        }
    }

    @Test
    void ingestServiceCarriesTheLanguageModelsItDetects() throws IOException {
        NativeSources sources = NativeSources.of("ingest-service");
        String identifier = Files.readString(sources.moduleDir()
                .resolve("src/main/java/io/sitrep/ingest/pipeline/LanguageIdentifier.java"));
        for (Map.Entry<String, String> language : LINGUA_CODES.entrySet()) {
            if (identifier.contains("Language." + language.getKey())) {
                assertThat(sources.includesResource("language-models/" + language.getValue() + "/unigrams.json"))
                        .as(language.getKey()).isTrue();
            }
        }
        assertThat(sources.includesResource("language-models/sl/unigrams.json")).as("not every language").isFalse();
    }

    private static final Map<String, String> LINGUA_CODES = Map.of("ENGLISH", "en", "RUSSIAN", "ru", "UKRAINIAN", "uk",
            "GERMAN", "de", "FRENCH", "fr", "SPANISH", "es", "POLISH", "pl", "ARABIC", "ar", "CHINESE", "zh");
}
