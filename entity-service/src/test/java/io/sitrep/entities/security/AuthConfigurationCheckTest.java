package io.sitrep.entities.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a production start demands before it serves anyone (the refusal itself: suite's AuthIT). */
class AuthConfigurationCheckTest {

    @Test
    void withNeitherKeyBothAreNamed() {
        assertThat(AuthConfigurationCheck.missing(Optional.empty(), Optional.of("NONE"), Optional.of(" ")))
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).startsWith("SITREP_AUTH_PUBLIC_KEY_LOCATION"))
                .anySatisfy(m -> assertThat(m).startsWith("SITREP_AUTH_SIGNING_KEY_LOCATION"));
    }

    @Test
    void anInlineKeyOrALocationVerifies() {
        assertThat(AuthConfigurationCheck.missing(Optional.of("-----BEGIN PUBLIC KEY-----"), Optional.empty(),
                Optional.of("/keys/private.pem"))).isEmpty();
        assertThat(AuthConfigurationCheck.missing(Optional.empty(), Optional.of("https://idp/jwks"),
                Optional.of("/keys/private.pem"))).isEmpty();
    }

    @Test
    void withoutASigningKeyTheServiceCannotCallOthers() {
        assertThat(AuthConfigurationCheck.missing(Optional.empty(), Optional.of("https://idp/jwks"), Optional.empty()))
                .singleElement().asString().startsWith("SITREP_AUTH_SIGNING_KEY_LOCATION");
    }
}
