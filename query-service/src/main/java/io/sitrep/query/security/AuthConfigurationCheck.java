package io.sitrep.query.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses to start a production instance that could not authenticate callers, and warns loudly when
 * dev mode runs with authorisation switched off. (query-service calls no other service, so it signs
 * no tokens.)
 */
@Singleton
public class AuthConfigurationCheck {

    private static final Logger LOG = Logger.getLogger(AuthConfigurationCheck.class);

    private final Optional<String> verifyKey;
    private final Optional<String> verifyKeyLocation;
    private final boolean authInDevMode;

    AuthConfigurationCheck(@ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> verifyKey,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> verifyKeyLocation,
            @ConfigProperty(name = "quarkus.security.auth.enabled-in-dev-mode", defaultValue = "true")
            boolean authInDevMode) {
        this.verifyKey = verifyKey;
        this.verifyKeyLocation = verifyKeyLocation;
        this.authInDevMode = authInDevMode;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT && !authInDevMode) {
            LOG.warn("\n*** AUTHENTICATION IS OFF: dev mode admits every request without a token. "
                    + "Never expose this instance. ***");
            return;
        }
        List<String> missing = missing(verifyKey, verifyKeyLocation);
        if (!missing.isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("Refusing to start without authentication configured: set "
                    + String.join(" and ", missing) + " (see README, Security)");
        }
    }

    /** The environment variables still to set; empty when tokens can be verified. */
    static List<String> missing(Optional<String> verifyKey, Optional<String> verifyKeyLocation) {
        List<String> missing = new ArrayList<>();
        if (blank(verifyKey) && blank(verifyKeyLocation)) {
            missing.add("SITREP_AUTH_PUBLIC_KEY_LOCATION (a PEM/JWK file or the identity provider's JWKS URL)");
        }
        return missing;
    }

    /** Unset, empty, or smallrye-jwt's "NONE". */
    private static boolean blank(Optional<String> value) {
        return value.map(v -> v.isBlank() || "NONE".equals(v)).orElse(true);
    }
}
