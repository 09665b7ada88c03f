package io.sitrep.suite;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Starts a fresh suite (packaged jars, fresh embedded PostgreSQL, free ports) for one test class. */
final class TestSuites {

    private TestSuites() {
    }

    static Suite start(Map<String, String> extraEnv) {
        return startScaled(Map.of(), extraEnv);
    }

    /** {@code instances.get(s)} instances of each service (1 when absent); see {@link Suite} for how they are wired. */
    static Suite startScaled(Map<Service, Integer> instances, Map<String, String> extraEnv) {
        Path root = Path.of(System.getProperty("sitrep.root", "..")).toAbsolutePath().normalize();
        try {
            Path work = Files.createTempDirectory(root.resolve("suite/target"), "it-");
            Database db = Database.embedded(work.resolve("pgdata"), 0, true);
            Suite suite = Suite.scaled(root, work.resolve("logs"), db, instances, extraEnv);
            try {
                suite.startAll(Duration.ofMinutes(3));
            } catch (RuntimeException e) {
                suite.close();   // the instances that did start must not outlive the test JVM
                throw e;
            }
            // Every request of the end-to-end tests acts as a person holding all person roles.
            RestAssured.requestSpecification = new RequestSpecBuilder()
                    .addHeader("Authorization", suite.authorization()).build();
            return suite;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
