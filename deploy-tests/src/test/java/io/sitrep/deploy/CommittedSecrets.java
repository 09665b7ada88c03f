package io.sitrep.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What is committed under deploy/k8s, file by file, whether a kustomization renders it or not (a Secret left
 * lying in an overlay directory gets applied by the first {@code kubectl apply -f} of that directory):
 * <ul>
 *   <li>private key material (a PEM {@code PRIVATE KEY} block) only under overlays/dev, and there only inside a
 *       Secret marked {@value ManifestChecks#FAKE_CREDENTIALS_ANNOTATION}: "true";</li>
 *   <li>a Secret with values only under overlays/dev, marked the same way and with the FAKE, DEV-ONLY warning;
 *       elsewhere only as a {@code *.example.yaml} that no kustomization lists and whose passwords, secrets,
 *       tokens and keys are REPLACE-ME placeholders.</li>
 * </ul>
 */
final class CommittedSecrets {

    static final String DEV_DIR = "overlays/dev/";
    /** Keys of an example Secret that must hold a REPLACE-ME placeholder (a username or a URL may be shown as is). */
    private static final Pattern CREDENTIAL_KEY = Pattern.compile("(?i).*(password|secret|token|key).*");

    private CommittedSecrets() {
    }

    static List<String> check(Path k8s) {
        List<String> p = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(k8s)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> listedResources = new ArrayList<>();
        for (Path f : files) {
            String rel = k8s.relativize(f).toString().replace('\\', '/');
            boolean dev = rel.startsWith(DEV_DIR);
            String text;
            try {
                text = Files.readString(f);
            } catch (IOException e) {
                throw new UncheckedIOException(f.toString(), e);
            }
            boolean privateKey = ManifestChecks.holdsPrivateKey(text);
            if (privateKey && !dev) {
                p.add(rel + ": holds a private key outside " + DEV_DIR + " (create Secret " + ManifestChecks.AUTH_SECRET
                        + " by hand, deploy/README.md)");
            }
            if (!rel.endsWith(".yaml") && !rel.endsWith(".yml")) {
                continue;
            }
            List<Object> docs = new ArrayList<>();
            KustomizeRenderer.yaml().loadAll(text).forEach(docs::add);
            for (Object o : docs) {
                if (!(o instanceof Map<?, ?> doc)) {
                    continue;
                }
                if (f.getFileName().toString().equals(KustomizeRenderer.KUSTOMIZATION_FILE)
                        && doc.get("resources") instanceof List<?> resources) {
                    resources.forEach(res -> listedResources.add(f.getParent().resolve(String.valueOf(res)).normalize()));
                }
                Object meta = doc.get("metadata");
                String name = meta instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : "?";
                Map<String, String> values = values(doc);
                boolean fake = meta instanceof Map<?, ?> m && m.get("annotations") instanceof Map<?, ?> a
                        && "true".equals(a.get(ManifestChecks.FAKE_CREDENTIALS_ANNOTATION));
                boolean secret = "Secret".equals(doc.get("kind"));
                boolean docHasPrivateKey = ManifestChecks.holdsPrivateKey(
                        KustomizeRenderer.dumpAll(List.of(new LinkedHashMap<>(castMap(doc)))));
                if (dev && docHasPrivateKey && !(secret && fake)) {
                    p.add(rel + ": " + doc.get("kind") + " " + name + " holds a private key but is no Secret marked "
                            + ManifestChecks.FAKE_CREDENTIALS_ANNOTATION + ": \"true\"");
                }
                if (!secret || values.isEmpty()) {
                    continue;
                }
                if (rel.endsWith(".example.yaml")) {
                    values.forEach((k, v) -> {
                        if (CREDENTIAL_KEY.matcher(k).matches() && (v == null || !v.contains("REPLACE-ME"))) {
                            p.add(rel + ": Secret " + name + " key " + k + " is an example but holds no REPLACE-ME placeholder");
                        }
                    });
                } else if (!dev) {
                    p.add(rel + ": Secret " + name + " is committed with values outside " + DEV_DIR
                            + " (create it by hand, deploy/README.md)");
                } else if (!fake) {
                    p.add(rel + ": Secret " + name + " has values but lacks " + ManifestChecks.FAKE_CREDENTIALS_ANNOTATION
                            + ": \"true\" (and the FAKE, DEV-ONLY warning)");
                } else if (!text.contains("FAKE, DEV-ONLY")) {
                    p.add(rel + ": Secret " + name + " lacks the \"FAKE, DEV-ONLY\" warning comment");
                }
            }
        }
        for (Path listed : listedResources) {
            if (listed.getFileName().toString().endsWith(".example.yaml")) {
                p.add(k8s.relativize(listed) + ": an example is listed as a kustomization resource");
            }
        }
        return p;
    }

    /** data and stringData of a raw Secret document, as strings. */
    private static Map<String, String> values(Map<?, ?> doc) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : List.of("data", "stringData")) {
            if (doc.get(field) instanceof Map<?, ?> m) {
                m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
