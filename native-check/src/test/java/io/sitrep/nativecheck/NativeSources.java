package io.sitrep.nativecheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * What {@code quarkus.native.sources-only=true} left in one service's {@code target/native-sources}: the
 * native-image arguments, and the reflection and resource registrations Quarkus generated into the runner
 * jar. Also a class loader over the service's classes and the dependencies native-image would see.
 */
record NativeSources(String service, Path moduleDir, List<String> args, Map<String, JsonNode> reflection,
                     List<Pattern> resourcePatterns) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static NativeSources of(String service) {
        Path module = Path.of(System.getProperty("sitrep.root", "..")).resolve(service);
        Path dir = module.resolve("target/native-sources");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: build the service first (./mvnw package, without"
                    + " -DskipNativeSources)");
        }
        try {
            List<String> args = Arrays.asList(Files.readString(dir.resolve("native-image.args")).trim().split("\\s+"));
            Path runner = dir.resolve(service + "-0.1.0-SNAPSHOT-runner.jar");
            Map<String, JsonNode> reflection = new HashMap<>();
            List<Pattern> resources = new ArrayList<>();
            try (ZipFile jar = new ZipFile(runner.toFile())) {
                for (JsonNode entry : read(jar, "META-INF/native-image/reflect-config.json")) {
                    reflection.merge(entry.path("name").asText(), entry, NativeSources::union);
                }
                for (JsonNode include : read(jar, "META-INF/native-image/resource-config.json").path("resources").path("includes")) {
                    resources.add(Pattern.compile(include.path("pattern").asText()));
                }
            }
            return new NativeSources(service, module, args, reflection, resources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ZipFile jar, String name) throws IOException {
        var entry = jar.getEntry(name);
        if (entry == null) {
            throw new IllegalStateException(name + " is not in " + jar.getName());
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return JSON.readTree(in);
        }
    }

    /** A class may be registered several times (by different build steps); the grants add up. */
    private static JsonNode union(JsonNode a, JsonNode b) {
        var merged = ((com.fasterxml.jackson.databind.node.ObjectNode) a.deepCopy());
        b.fields().forEachRemaining(f -> {
            if (f.getValue().isBoolean() && f.getValue().asBoolean()) {
                merged.put(f.getKey(), true);
            }
        });
        return merged;
    }

    /** Registered so that Jackson can construct it and read or write its properties. */
    boolean reflectiveForJackson(Class<?> type) {
        JsonNode entry = reflection.get(type.getName());
        if (entry == null) {
            return false;
        }
        boolean constructors = entry.path("allDeclaredConstructors").asBoolean() || entry.path("allPublicConstructors").asBoolean();
        boolean members = entry.path("allDeclaredMethods").asBoolean() || entry.path("allPublicMethods").asBoolean()
                || entry.path("allDeclaredFields").asBoolean() || entry.path("allPublicFields").asBoolean();
        return type.isEnum() ? members || constructors : constructors && members;
    }

    boolean includesResource(String path) {
        return resourcePatterns.stream().anyMatch(p -> p.matcher(path).matches());
    }

    /** The value of a {@code -H:Name=value} build argument, if given. */
    List<String> hostedOption(String name) {
        String prefix = "-H:" + name + "=";
        return args.stream().filter(a -> a.startsWith(prefix)).flatMap(a -> Stream.of(a.substring(prefix.length()).split(",")))
                .toList();
    }

    Path classesDir() {
        return moduleDir.resolve("target/classes");
    }

    /** The service's own classes first, then the dependencies exactly as native-image gets them. */
    URLClassLoader classLoader() {
        try (Stream<Path> libs = Files.list(moduleDir.resolve("target/native-sources/lib"))) {
            List<URL> urls = new ArrayList<>();
            urls.add(classesDir().toUri().toURL());
            for (Path lib : libs.sorted().toList()) {
                urls.add(lib.toUri().toURL());
            }
            return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
