package io.sitrep.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The token issuer of a local suite: an RSA key pair kept in a directory (made on first use), the
 * environment that tells the services to trust it, and RS256 bearer tokens for any set of roles.
 *
 * <p>It stands in for an identity provider on a developer's machine and in the end-to-end tests. The
 * services also sign their own {@code service} tokens with its private key, as they would with a key
 * mounted from a Secret in Kubernetes.
 */
public final class LocalAuth {

    public static final String ISSUER = "https://sitrep.local";
    /** Every role a person can hold; {@code service} is for the services themselves. */
    public static final String[] PERSON_ROLES = {"reader", "ingester", "curator", "admin"};

    private final Path publicKey;
    private final Path privateKeyFile;
    private final PrivateKey privateKey;

    private LocalAuth(Path publicKey, Path privateKeyFile, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKeyFile = privateKeyFile;
        this.privateKey = privateKey;
    }

    /** Loads the key pair in {@code dir}, or makes one there. */
    public static LocalAuth in(Path dir) {
        Path pub = dir.resolve("publicKey.pem");
        Path priv = dir.resolve("privateKey.pem");
        try {
            if (!Files.isRegularFile(pub) || !Files.isRegularFile(priv)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String body = Files.readString(priv).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new LocalAuth(pub, priv, key);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the local key pair in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bad local key pair in " + dir, e);
        }
    }

    /** What every service needs to verify tokens from this issuer and to sign its own. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("SITREP_AUTH_PUBLIC_KEY_LOCATION", publicKey.toString(),
                "SITREP_AUTH_SIGNING_KEY_LOCATION", privateKeyFile.toString(),
                "SITREP_AUTH_ISSUER", ISSUER);
    }

    /** A token for a person holding every role but {@code service}. */
    public String personToken(Duration lifetime) {
        return token("local-analyst", lifetime, PERSON_ROLES);
    }

    /** An RS256 JWT with the MicroProfile JWT claims the services check. */
    public String token(String subject, Duration lifetime, String... roles) {
        Instant now = Instant.now();
        String groups = Stream.of(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[" + groups + "],\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
