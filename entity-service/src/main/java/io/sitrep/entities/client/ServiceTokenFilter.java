package io.sitrep.entities.client;

import io.sitrep.entities.security.Roles;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Singleton;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Calls to other Sitrep services carry this service's own bearer token (role {@code service}), signed
 * with the key in {@code smallrye.jwt.sign.key.location}. One token is reused until shortly before it
 * expires. Without a signing key (dev mode with authorisation off) calls go out without one.
 */
@Singleton
public class ServiceTokenFilter implements ClientRequestFilter {

    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(2);

    private record Issued(String header, Instant renewAt) {
    }

    private final boolean signing;
    private volatile Issued issued;

    ServiceTokenFilter(@ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signingKey) {
        this.signing = signingKey.filter(k -> !k.isBlank()).isPresent();
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (signing) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, current());
        }
    }

    private String current() {
        Issued now = issued;
        if (now == null || Instant.now().isAfter(now.renewAt())) {
            String token = Jwt.subject("entity-service").upn("entity-service").groups(Roles.SERVICE)
                    .expiresIn(LIFETIME).sign();
            now = new Issued("Bearer " + token, Instant.now().plus(LIFETIME).minus(RENEW_BEFORE_EXPIRY));
            issued = now;
        }
        return now.header();
    }
}
