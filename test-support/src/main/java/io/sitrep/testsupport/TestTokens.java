package io.sitrep.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/**
 * Bearer tokens that the services' test profile trusts: RS256, issuer {@value #ISSUER}, signed with the
 * test-only key in {@code sitrep-test-auth/} (never trusted outside tests).
 */
public final class TestTokens {

    public static final String ISSUER = "https://sitrep.test";
    public static final Set<String> ALL_ROLES = Set.of("reader", "ingester", "curator", "admin", "service");

    private static final PrivateKey KEY = load();

    private TestTokens() {
    }

    /** "Bearer …" for a subject named after its roles. */
    public static String bearer(String... roles) {
        return "Bearer " + token(Duration.ofHours(1), roles);
    }

    public static String token(Duration lifetime, String... roles) {
        return Jwt.issuer(ISSUER).subject("test-" + String.join("-", roles)).upn("test-" + String.join("-", roles))
                .groups(Set.of(roles)).expiresIn(lifetime).jws().sign(KEY);
    }

    /** Signed by a key the services do not trust: must be refused like no token at all. */
    public static String foreignBearer(String... roles) {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return "Bearer " + Jwt.issuer(ISSUER).subject("intruder").groups(Set.of(roles))
                    .expiresIn(Duration.ofHours(1)).jws().sign(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey load() {
        try {
            return KeyUtils.readPrivateKey("sitrep-test-auth/privateKey.pem");
        } catch (Exception e) {
            throw new IllegalStateException("test key sitrep-test-auth/privateKey.pem is unreadable", e);
        }
    }
}
