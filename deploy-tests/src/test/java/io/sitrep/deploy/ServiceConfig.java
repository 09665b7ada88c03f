package io.sitrep.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service's src/main/resources/application.properties accepts from the environment.
 * <ul>
 *   <li>every {@code ${VAR}} / {@code ${VAR:default}} it references, and whether prod needs it (no default,
 *       in a key without a profile or with {@code %prod});</li>
 *   <li>its property keys (profile prefix stripped), so that a {@code QUARKUS_*} variable can be matched to
 *       one the way SmallRye Config maps environment variables: lower-cased, every non-alphanumeric
 *       character of the key read as {@code _};</li>
 *   <li>the HTTP port: the variable and default of {@code quarkus.http.port};</li>
 *   <li>the values of its keys without a profile ({@link #variableOf}: which variable feeds a property).</li>
 * </ul>
 */
record ServiceConfig(String service, Set<String> keys, Map<String, Optional<String>> envRefs, Set<String> requiredInProd,
                     String httpPortVar, int httpPortDefault, Map<String, String> properties) {

    private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");

    /**
     * QUARKUS_* variables accepted although application.properties does not set the property: documented
     * Quarkus properties that deploy/k8s may set. Each needs the named extension in the service's pom to have
     * an effect (see KubernetesManifestsTest#quarkusVariablesHaveTheirExtension).
     */
    static final Map<String, String> QUARKUS_ALLOW_LIST = Map.of(
            "QUARKUS_LOG_CONSOLE_JSON", "io.quarkus:quarkus-logging-json");
    /** Prefixes of QUARKUS_* variables accepted likewise (any property under quarkus.otel.*). */
    static final Map<String, String> QUARKUS_ALLOW_PREFIXES = Map.of(
            "QUARKUS_OTEL_", "io.quarkus:quarkus-opentelemetry");
    /** Read by run-java.sh of the registry.access.redhat.com/ubi9/openjdk-17-runtime image, not by Quarkus. */
    static final Set<String> IMAGE_RUNTIME_VARS = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_OPTS_APPEND");

    static ServiceConfig load(Path root, String service) {
        Path file = root.resolve(service).resolve("src/main/resources/application.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        Set<String> keys = new LinkedHashSet<>();
        Map<String, Optional<String>> refs = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        Map<String, String> properties = new LinkedHashMap<>();
        String portVar = null;
        Integer portDefault = null;
        for (String rawKey : p.stringPropertyNames()) {
            String profile = null;
            String key = rawKey;
            if (rawKey.startsWith("%")) {
                int dot = rawKey.indexOf('.');
                profile = rawKey.substring(1, dot);
                key = rawKey.substring(dot + 1);
            }
            keys.add(key);
            String value = p.getProperty(rawKey);
            if (profile == null) {
                properties.put(key, value);
            }
            Matcher m = REF.matcher(value);
            while (m.find()) {
                Optional<String> def = Optional.ofNullable(m.group(2));
                refs.merge(m.group(1), def, (a, b) -> a.isPresent() ? a : b);
                if (def.isEmpty() && (profile == null || profile.equals("prod"))) {
                    required.add(m.group(1));
                }
            }
            if (key.equals("quarkus.http.port") && profile == null) {
                Matcher pm = REF.matcher(value);
                if (pm.matches() && pm.group(2) != null) {
                    portVar = pm.group(1);
                    portDefault = Integer.valueOf(pm.group(2));
                } else {
                    portDefault = Integer.valueOf(value.trim());
                }
            }
        }
        if (portDefault == null) {
            throw new IllegalStateException(file + " sets no quarkus.http.port");
        }
        return new ServiceConfig(service, keys, refs, required, portVar, portDefault, properties);
    }

    /** The first variable the (profile-less) value of {@code key} references, e.g. SITREP_AUTH_ISSUER. */
    Optional<String> variableOf(String key) {
        String value = properties.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = REF.matcher(value);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Why {@code name} is not a variable this service reads, or empty when it is. */
    Optional<String> rejects(String name) {
        if (envRefs.containsKey(name) || IMAGE_RUNTIME_VARS.contains(name)) {
            return Optional.empty();
        }
        if (name.startsWith("QUARKUS_")) {
            if (QUARKUS_ALLOW_LIST.containsKey(name)
                    || QUARKUS_ALLOW_PREFIXES.keySet().stream().anyMatch(name::startsWith)) {
                return Optional.empty();
            }
            String dotted = name.toLowerCase(Locale.ROOT).replace('_', '.');
            for (String key : keys) {
                if (normalise(key).equals(dotted)) {
                    return Optional.empty();
                }
            }
            return Optional.of(name + " (" + dotted + ") matches no key of " + service
                    + "'s application.properties and is not in the allow-list " + QUARKUS_ALLOW_LIST.keySet()
                    + " / " + QUARKUS_ALLOW_PREFIXES.keySet());
        }
        return Optional.of(name + " is not referenced as ${" + name + "} in " + service
                + "'s application.properties (it reads " + envRefs.keySet() + ")");
    }

    /** The extension a variable needs to have an effect, if any. */
    static Optional<String> extensionFor(String name) {
        if (QUARKUS_ALLOW_LIST.containsKey(name)) {
            return Optional.of(QUARKUS_ALLOW_LIST.get(name));
        }
        return QUARKUS_ALLOW_PREFIXES.entrySet().stream().filter(e -> name.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    private static String normalise(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ".");
    }

    static final List<String> SERVICES = List.of("ingest-service", "entity-service", "query-service");
}
