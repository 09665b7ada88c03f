package io.sitrep.query.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a production start demands before it serves anyone (the refusal itself: suite's AuthIT). */
class AuthConfigurationCheckTest {

    @Test
    void withoutAVerificationKeyItIsNamed() {
        assertThat(AuthConfigurationCheck.missing(Optional.empty(), Optional.of("NONE")))
                .singleElement().asString().startsWith("SITREP_AUTH_PUBLIC_KEY_LOCATION");
    }

    @Test
    void anInlineKeyOrALocationIsEnough() {
        assertThat(AuthConfigurationCheck.missing(Optional.of("-----BEGIN PUBLIC KEY-----"), Optional.empty())).isEmpty();
        assertThat(AuthConfigurationCheck.missing(Optional.empty(), Optional.of("https://idp/jwks"))).isEmpty();
    }
}
