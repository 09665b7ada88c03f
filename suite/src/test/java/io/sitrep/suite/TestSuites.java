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
        Path root = Path.of(System.getProperty("sitrep.root", "..")).toAbsolutePath().normalize();
        try {
            Path work = Files.createTempDirectory(root.resolve("suite/target"), "it-");
            Database db = Database.embedded(work.resolve("pgdata"), 0, true);
            Suite suite = new Suite(root, work.resolve("logs"), db, Suite.freePorts(), extraEnv);
            suite.startAll(Duration.ofMinutes(3));
            // Every request of the end-to-end tests acts as a person holding all person roles.
            RestAssured.requestSpecification = new RequestSpecBuilder()
                    .addHeader("Authorization", suite.authorization()).build();
            return suite;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
