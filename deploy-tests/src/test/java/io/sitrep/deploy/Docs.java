package io.sitrep.deploy;

import java.util.List;
import java.util.Map;

/** Navigation in rendered (raw) documents, for the tests that break a manifest on purpose. */
final class Docs {

    private Docs() {
    }

    static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(KustomizeRenderer.metadata(d).get("name")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + "/" + name));
    }

    /** Follows map keys (String) and list indexes (Integer). */
    static Object at(Object node, Object... path) {
        Object cur = node;
        for (Object step : path) {
            if (step instanceof Integer i) {
                cur = ((List<?>) cur).get(i);
            } else {
                cur = ((Map<?, ?>) cur).get(step);
            }
            if (cur == null) {
                throw new IllegalArgumentException("nothing at " + step + " of " + List.of(path));
            }
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, Object... path) {
        return (Map<String, Object>) at(node, path);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, Object... path) {
        return (List<Object>) at(node, path);
    }

    /** The first container of a workload document. */
    static Map<String, Object> container(Map<String, Object> workload) {
        return map(workload, "spec", "template", "spec", "containers", 0);
    }
}
