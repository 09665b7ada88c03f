package io.sitrep.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A deliberately small kustomize: exactly the features deploy/k8s uses, and a loud failure on anything else.
 * <ul>
 *   <li>{@code resources}: files (one or more YAML documents) and directories holding a kustomization.yaml
 *       (rendered recursively), in order;</li>
 *   <li>{@code patches}: entries {@code {path, target: {kind[, name]}}} whose file is a JSON 6902 op list
 *       (RFC 6902, applied with zjsonpatch); a target must match at least one resource (stricter than
 *       kustomize); a strategic-merge patch (a map, not a list) is refused;</li>
 *   <li>{@code namespace}: set on every namespaced resource (not on cluster-scoped kinds).</li>
 * </ul>
 * Like kustomize, it refuses two resources with the same kind, namespace and name, and YAML with duplicate keys.
 * It does not resolve name references, add hash suffixes or generate anything.
 */
final class KustomizeRenderer {

    static final String KUSTOMIZATION_FILE = "kustomization.yaml";
    static final Set<String> SUPPORTED_KEYS = Set.of("apiVersion", "kind", "resources", "namespace", "patches");
    private static final Set<String> PATCH_KEYS = Set.of("path", "target");
    private static final Set<String> TARGET_KEYS = Set.of("kind", "name");
    private static final Set<String> JSON_PATCH_OPS = Set.of("add", "remove", "replace", "move", "copy", "test");
    /** Kinds the namespace transformer must leave alone (the ones this repo could plausibly contain). */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "IngressClass", "PriorityClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration");
    /** Kinds whose cross-namespace references the real namespace transformer rewrites; we do not. */
    private static final Set<String> REFUSED_WITH_NAMESPACE = Set.of("RoleBinding", "ClusterRoleBinding");

    private static final ObjectMapper JSON = new ObjectMapper();

    private KustomizeRenderer() {
    }

    /** Renders the kustomization in {@code dir}; each document a fresh, mutable map. */
    static List<Map<String, Object>> render(Path dir) {
        return render(dir, new LinkedHashSet<>());
    }

    private static List<Map<String, Object>> render(Path dir, Set<Path> visiting) {
        Path dirReal = dir.toAbsolutePath().normalize();
        if (!visiting.add(dirReal)) {
            throw new IllegalArgumentException("kustomization cycle through " + dirReal);
        }
        Path file = dirReal.resolve(KUSTOMIZATION_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + KUSTOMIZATION_FILE + " in " + dirReal);
        }
        List<Object> kDocs = loadDocuments(file);
        if (kDocs.size() != 1 || !(kDocs.get(0) instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(file + ": expected exactly one YAML mapping");
        }
        Map<String, Object> k = stringKeyed(kDocs.get(0), file.toString());
        for (String key : k.keySet()) {
            if (!SUPPORTED_KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unsupported kustomization key '" + key
                        + "'; this renderer implements only " + new java.util.TreeSet<>(SUPPORTED_KEYS));
            }
        }
        require(file, "kustomize.config.k8s.io/v1beta1".equals(k.get("apiVersion")),
                "apiVersion must be kustomize.config.k8s.io/v1beta1");
        require(file, "Kustomization".equals(k.get("kind")), "kind must be Kustomization");

        List<Map<String, Object>> docs = new ArrayList<>();
        for (String entry : stringList(k.get("resources"), file, "resources")) {
            Path p = dirReal.resolve(entry).normalize();
            if (Files.isDirectory(p)) {
                docs.addAll(render(p, visiting));
            } else if (Files.isRegularFile(p)) {
                docs.addAll(loadResources(p));
            } else {
                throw new IllegalArgumentException(file + ": resource '" + entry + "' is neither a file nor a directory");
            }
        }

        Object patches = k.get("patches");
        if (patches != null) {
            if (!(patches instanceof List<?> list)) {
                throw new IllegalArgumentException(file + ": patches must be a list");
            }
            for (Object p : list) {
                applyPatch(dirReal, file, stringKeyed(p, file + ": patch"), docs);
            }
        }

        Object namespace = k.get("namespace");
        if (namespace != null) {
            if (!(namespace instanceof String ns) || ns.isBlank()) {
                throw new IllegalArgumentException(file + ": namespace must be a non-empty string");
            }
            for (Map<String, Object> doc : docs) {
                String kind = (String) doc.get("kind");
                if (REFUSED_WITH_NAMESPACE.contains(kind)) {
                    throw new IllegalArgumentException(file + ": namespace transformer for " + kind
                            + " (subjects) is not implemented");
                }
                if (!CLUSTER_SCOPED.contains(kind)) {
                    metadata(doc).put("namespace", ns);
                }
            }
        }
        checkUniqueIds(file, docs);
        visiting.remove(dirReal);
        return docs;
    }

    private static void applyPatch(Path dir, Path file, Map<String, Object> patch, List<Map<String, Object>> docs) {
        for (String key : patch.keySet()) {
            if (!PATCH_KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unsupported patch key '" + key + "' (only path + target)");
            }
        }
        if (!(patch.get("path") instanceof String path)) {
            throw new IllegalArgumentException(file + ": patch without a path (inline patches are not implemented)");
        }
        Map<String, Object> target = stringKeyed(patch.get("target"), file + ": patch " + path + " target");
        for (String key : target.keySet()) {
            if (!TARGET_KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unsupported patch target key '" + key + "' (only kind, name)");
            }
        }
        if (!(target.get("kind") instanceof String kind)) {
            throw new IllegalArgumentException(file + ": patch " + path + " target needs a kind");
        }
        String name = (String) target.get("name");

        Path patchFile = dir.resolve(path).normalize();
        List<Object> patchDocs = loadDocuments(patchFile);
        if (patchDocs.size() != 1) {
            throw new IllegalArgumentException(patchFile + ": expected one YAML document");
        }
        if (!(patchDocs.get(0) instanceof List<?> ops)) {
            throw new IllegalArgumentException(patchFile + ": not a JSON 6902 op list; strategic-merge patches"
                    + " are not implemented by this renderer");
        }
        for (Object op : ops) {
            Map<String, Object> o = stringKeyed(op, patchFile + ": op");
            if (!JSON_PATCH_OPS.contains(o.get("op")) || !(o.get("path") instanceof String)) {
                throw new IllegalArgumentException(patchFile + ": invalid JSON 6902 op " + o);
            }
        }
        JsonNode patchNode = JSON.valueToTree(ops);

        int matched = 0;
        for (int i = 0; i < docs.size(); i++) {
            Map<String, Object> doc = docs.get(i);
            if (kind.equals(doc.get("kind")) && (name == null || name.equals(metadata(doc).get("name")))) {
                matched++;
                try {
                    JsonNode patched = JsonPatch.apply(patchNode, JSON.valueToTree(doc));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> back = JSON.convertValue(patched, LinkedHashMap.class);
                    docs.set(i, back);
                } catch (JsonPatchApplicationException e) {
                    throw new IllegalArgumentException(patchFile + " on " + kind + "/" + metadata(doc).get("name")
                            + ": " + e.getMessage(), e);
                }
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException(file + ": patch " + path + " matches no resource (kind " + kind
                    + (name == null ? "" : ", name " + name) + ")");
        }
    }

    private static List<Map<String, Object>> loadResources(Path p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object d : loadDocuments(p)) {
            if (d == null) {
                continue; // an empty document (a trailing ---)
            }
            Map<String, Object> doc = stringKeyed(d, p.toString());
            require(p, doc.get("apiVersion") instanceof String, "a document without apiVersion");
            require(p, doc.get("kind") instanceof String, "a document without kind");
            require(p, !"Kustomization".equals(doc.get("kind")), "a Kustomization listed as a resource file");
            require(p, metadata(doc).get("name") instanceof String, "a document without metadata.name");
            out.add(doc);
        }
        return out;
    }

    static List<Object> loadDocuments(Path p) {
        try {
            String text = Files.readString(p);
            List<Object> out = new ArrayList<>();
            for (Object o : yaml().loadAll(text)) {
                out.add(o);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(p.toString(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
        }
    }

    /** SnakeYAML with kubectl's strictness on duplicate keys. */
    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    /** Rendered documents back to one multi-document YAML string. */
    static String dumpAll(List<Map<String, Object>> docs) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Yaml y = new Yaml(new Representer(options), options);
        return y.dumpAll(docs.iterator());
    }

    /** Deep copy through JSON (the documents hold only maps, lists and scalars). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> doc) {
        return JSON.convertValue(JSON.valueToTree(doc), LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> doc) {
        Object m = doc.get("metadata");
        if (m == null) {
            m = new LinkedHashMap<String, Object>();
            doc.put("metadata", m);
        }
        if (!(m instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("metadata is not a mapping in " + doc.get("kind"));
        }
        return (Map<String, Object>) m;
    }

    private static void checkUniqueIds(Path file, List<Map<String, Object>> docs) {
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, Object> d : docs) {
            String apiVersion = (String) d.get("apiVersion");
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            String id = group + "/" + d.get("kind") + "/" + Objects.toString(metadata(d).get("namespace"), "")
                    + "/" + metadata(d).get("name");
            if (!ids.add(id)) {
                throw new IllegalArgumentException(file + ": duplicate resource " + id);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeyed(Object o, String where) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + ": expected a mapping, got " + o);
        }
        for (Object key : m.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException(where + ": non-string key " + key);
            }
        }
        return (Map<String, Object>) m;
    }

    private static List<String> stringList(Object o, Path file, String key) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> list)) {
            throw new IllegalArgumentException(file + ": " + key + " must be a list");
        }
        List<String> out = new ArrayList<>();
        for (Object e : list) {
            if (!(e instanceof String s)) {
                throw new IllegalArgumentException(file + ": " + key + " entries must be strings, got " + e);
            }
            out.add(s);
        }
        return out;
    }

    private static void require(Path file, boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(file + ": " + message);
        }
    }
}
