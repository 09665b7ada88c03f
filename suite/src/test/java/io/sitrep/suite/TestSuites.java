package io.sitrep.suite;

import io.restassured.RestAssured;

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
        Suite suite = prepareScaled(instances, extraEnv);
        try {
            suite.startAll(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            suite.close();   // the instances that did start must not outlive the test JVM
            throw e;
        }
        // A request of the end-to-end tests without its own Authorization acts as a person holding all
        // person roles. (A filter, unlike a default request specification, leaves ports alone.)
        String authorization = suite.authorization();
        RestAssured.replaceFiltersWith((request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", authorization);
            }
            return context.next(request, response);
        });
        return suite;
    }

    /** A suite on a fresh database whose services are not started yet. */
    static Suite prepare(Map<String, String> extraEnv) {
        return prepareScaled(Map.of(), extraEnv);
    }

    private static Suite prepareScaled(Map<Service, Integer> instances, Map<String, String> extraEnv) {
        Path root = Path.of(System.getProperty("sitrep.root", "..")).toAbsolutePath().normalize();
        try {
            Path work = Files.createTempDirectory(root.resolve("suite/target"), "it-");
            Database db = Database.embedded(work.resolve("pgdata"), 0, true);
            return Suite.scaled(root, work.resolve("logs"), db, instances, extraEnv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
