package io.sitrep.entities.security;

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
 * Refuses to start a production instance that could not authenticate callers or sign its own
 * service tokens, and warns loudly when dev mode runs with authorisation switched off.
 */
@Singleton
public class AuthConfigurationCheck {

    private static final Logger LOG = Logger.getLogger(AuthConfigurationCheck.class);

    private final Optional<String> verifyKey;
    private final Optional<String> verifyKeyLocation;
    private final Optional<String> signingKeyLocation;
    private final boolean authInDevMode;

    AuthConfigurationCheck(@ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> verifyKey,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> verifyKeyLocation,
            @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signingKeyLocation,
            @ConfigProperty(name = "quarkus.security.auth.enabled-in-dev-mode", defaultValue = "true")
            boolean authInDevMode) {
        this.verifyKey = verifyKey;
        this.verifyKeyLocation = verifyKeyLocation;
        this.signingKeyLocation = signingKeyLocation;
        this.authInDevMode = authInDevMode;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT && !authInDevMode) {
            LOG.warn("\n*** AUTHENTICATION IS OFF: dev mode admits every request without a token. "
                    + "Never expose this instance. ***");
            return;
        }
        List<String> missing = missing(verifyKey, verifyKeyLocation, signingKeyLocation);
        if (!missing.isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("Refusing to start without authentication configured: set "
                    + String.join(" and ", missing) + " (see README, Security)");
        }
    }

    /** The environment variables still to set; empty when tokens can be verified and service tokens signed. */
    static List<String> missing(Optional<String> verifyKey, Optional<String> verifyKeyLocation,
            Optional<String> signingKeyLocation) {
        List<String> missing = new ArrayList<>();
        if (blank(verifyKey) && blank(verifyKeyLocation)) {
            missing.add("SITREP_AUTH_PUBLIC_KEY_LOCATION (a PEM/JWK file or the identity provider's JWKS URL)");
        }
        if (blank(signingKeyLocation)) {
            missing.add("SITREP_AUTH_SIGNING_KEY_LOCATION (the private key this service signs its service tokens with)");
        }
        return missing;
    }

    /** Unset, empty, or smallrye-jwt's "NONE". */
    private static boolean blank(Optional<String> value) {
        return value.map(v -> v.isBlank() || "NONE".equals(v)).orElse(true);
    }
}
