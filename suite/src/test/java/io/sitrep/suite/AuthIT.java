package io.sitrep.suite;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged services in their production profile refuse to run without a way to authenticate. */
class AuthIT {

    @Test
    void productionRefusesToStartWithoutAuthConfiguration() throws IOException {
        // Unset what the suite would pass: no verification key, no signing key.
        Map<String, String> unset = new HashMap<>();
        unset.put("SITREP_AUTH_PUBLIC_KEY_LOCATION", null);
        unset.put("SITREP_AUTH_SIGNING_KEY_LOCATION", null);
        assertEachServiceRefuses(unset);
    }

    /** Set but empty, as a manifest with a forgotten value gives: the same clear refusal, not a config error. */
    @Test
    void emptyKeyLocationsAreRefusedAsClearlyAsMissingOnes() throws IOException {
        assertEachServiceRefuses(Map.of("SITREP_AUTH_PUBLIC_KEY_LOCATION", "", "SITREP_AUTH_SIGNING_KEY_LOCATION", ""));
    }

    private static void assertEachServiceRefuses(Map<String, String> environment) throws IOException {
        try (Suite suite = TestSuites.prepare(environment)) {
            for (Service service : Service.values()) {
                suite.start(service);
                OptionalInt exit = suite.awaitExit(service, Duration.ofMinutes(2));
                assertThat(exit).as(service.module() + " must not keep running").isPresent();
                assertThat(exit.getAsInt()).as(service.module() + " exit code").isNotZero();
                assertThat(Files.readString(suite.log(service)))
                        .contains("Refusing to start without authentication configured: set SITREP_AUTH_PUBLIC_KEY_LOCATION");
            }
        }
    }
}
