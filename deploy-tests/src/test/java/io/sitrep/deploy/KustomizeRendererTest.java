package io.sitrep.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The renderer does what kustomize does for the features it implements, and refuses the rest. */
class KustomizeRendererTest {

    @TempDir
    Path dir;

    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              A: "1"
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: ns
            """;

    private Path write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private void base() throws IOException {
        write("base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - cm.yaml
                """);
        write("base/cm.yaml", CONFIG_MAP);
    }

    @Test
    void appliesJson6902PatchesAndTheNamespaceToNamespacedKindsOnly() throws IOException {
        base();
        write("o/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: dev
                resources:
                  - ../base
                patches:
                  - path: p.yaml
                    target:
                      kind: ConfigMap
                      name: cm
                """);
        write("o/p.yaml", """
                - op: test
                  path: /data/A
                  value: "1"
                - op: replace
                  path: /data/A
                  value: "2"
                - op: add
                  path: /data/B
                  value: "3"
                """);
        List<Map<String, Object>> docs = KustomizeRenderer.render(dir.resolve("o"));
        assertThat(docs).hasSize(2);
        Map<String, Object> cm = Docs.find(docs, "ConfigMap", "cm");
        assertThat(Docs.map(cm, "data")).containsExactly(Map.entry("A", "2"), Map.entry("B", "3"));
        assertThat(KustomizeRenderer.metadata(cm)).containsEntry("namespace", "dev");
        assertThat(KustomizeRenderer.metadata(Docs.find(docs, "Namespace", "ns"))).doesNotContainKey("namespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"commonLabels", "images", "configMapGenerator", "secretGenerator", "patchesStrategicMerge",
            "patchesJson6902", "replicas", "components", "namePrefix", "labels"})
    void refusesEveryOtherKustomizationKey(String key) throws IOException {
        base();
        write("o/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../base
                %s: []
                """.formatted(key));
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("o")))
                .hasMessageContaining("unsupported kustomization key '" + key + "'");
    }

    @Test
    void refusesStrategicMergePatchesInlinePatchesAndUnknownTargetKeys() throws IOException {
        base();
        write("o/smp.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  A: \"2\"\n");
        write("o/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                patches:
                  - path: smp.yaml
                    target: {kind: ConfigMap}
                """);
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("o"))).hasMessageContaining("strategic-merge");

        write("o/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                patches:
                  - patch: '[{"op": "remove", "path": "/data"}]'
                    target: {kind: ConfigMap}
                """);
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("o"))).hasMessageContaining("unsupported patch key 'patch'");

        write("o/p.yaml", "- op: remove\n  path: /data\n");
        write("o/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                patches:
                  - path: p.yaml
                    target: {kind: ConfigMap, labelSelector: "a=b"}
                """);
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("o")))
                .hasMessageContaining("unsupported patch target key 'labelSelector'");
    }

    @Test
    void failsWhenAPatchMatchesNothingOrDoesNotApply() throws IOException {
        base();
        write("o/p.yaml", "- op: test\n  path: /data/A\n  value: \"9\"\n");
        write("o/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                patches:
                  - path: p.yaml
                    target: {kind: ConfigMap, name: other}
                """);
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("o"))).hasMessageContaining("matches no resource");

        write("o/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                patches:
                  - path: p.yaml
                    target: {kind: ConfigMap, name: cm}
                """);
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("o"))).hasMessageContaining("ConfigMap/cm");
    }

    @Test
    void refusesDuplicateResourcesAndDuplicateYamlKeys() throws IOException {
        base();
        write("o/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base, ../base/cm.yaml]
                """);
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("o"))).hasMessageContaining("duplicate resource");

        write("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  name: cm2\n");
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("base"))).hasMessageContaining("duplicate key");
    }

    /**
     * Where kubectl (with its built-in kustomize) is installed, the renderer must produce the same documents
     * for deploy/k8s. Skipped on machines without it: the rest of this module does not need it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void matchesKubectlKustomizeWhereAvailable(String rendering) throws Exception {
        Path target = KubernetesManifestsTest.dir(rendering);
        String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", target.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            assumeThat(false).as("kubectl not installed: " + e.getMessage()).isTrue();
            return;
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize: " + err).isZero();

        Map<String, Object> theirs = byId(KustomizeRenderer.yaml().loadAll(new String(out, StandardCharsets.UTF_8)));
        Map<String, Object> ours = byId(new java.util.ArrayList<Object>(KustomizeRenderer.render(target)));
        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(theirs.keySet());
        for (String id : theirs.keySet()) {
            assertThat(ours.get(id)).as(id).isEqualTo(theirs.get(id));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> byId(Iterable<Object> docs) {
        Map<String, Object> out = new TreeMap<>();
        for (Object d : docs) {
            if (d == null) {
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) d;
            Map<String, Object> meta = (Map<String, Object>) m.get("metadata");
            out.put(m.get("kind") + "/" + meta.get("namespace") + "/" + meta.get("name"), m);
        }
        return out;
    }
}
