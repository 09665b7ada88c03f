package io.sitrep.deploy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.util.ModelMapper;
import io.kubernetes.client.util.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One rendered kustomization: the raw documents, the built-in kinds loaded by client-java's
 * {@code Yaml.loadAll} (after {@link StrictModelCheck}), and the custom resources client-java cannot load
 * (only those in {@link #KNOWN_CUSTOM_KINDS}; they get their own checks in {@link CnpgClusterCheck}).
 */
final class Rendered {

    /** apiVersion + " " + kind of the custom resources deploy/k8s may contain. */
    static final Set<String> KNOWN_CUSTOM_KINDS = Set.of(CnpgClusterCheck.API_VERSION + " " + CnpgClusterCheck.KIND);

    final String name;
    final List<Map<String, Object>> raw;
    final List<Object> typed;
    final List<Map<String, Object>> custom;

    private Rendered(String name, List<Map<String, Object>> raw, List<Object> typed, List<Map<String, Object>> custom) {
        this.name = name;
        this.raw = raw;
        this.typed = typed;
        this.custom = custom;
    }

    static Rendered render(String name, Path kustomizationDir) {
        return load(name, KustomizeRenderer.render(kustomizationDir));
    }

    /**
     * Loads rendered documents. Throws when a document has an unknown kind, fails the strict check, or
     * fails client-java's loader.
     */
    static Rendered load(String name, List<Map<String, Object>> docs) {
        List<Map<String, Object>> builtIn = new ArrayList<>();
        List<Map<String, Object>> custom = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            String apiVersion = (String) doc.get("apiVersion");
            String kind = (String) doc.get("kind");
            // For a kind it does not know, client-java answers DynamicKubernetesObject (a bag of JSON): not a model.
            Class<?> model = ModelMapper.getApiTypeClass(apiVersion, kind);
            if (model != null && model.getPackageName().equals("io.kubernetes.client.openapi.models")) {
                problems.addAll(StrictModelCheck.check(doc, model));
                builtIn.add(doc);
            } else if (KNOWN_CUSTOM_KINDS.contains(apiVersion + " " + kind)) {
                custom.add(doc);
            } else {
                problems.add(kind + "/" + KustomizeRenderer.metadata(doc).get("name") + ": unknown apiVersion/kind "
                        + apiVersion + " " + kind + " (neither a built-in kind nor a known custom resource)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + String.join("\n  ", problems));
        }
        List<Object> typed;
        try {
            typed = Yaml.loadAll(KustomizeRenderer.dumpAll(builtIn));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Object o : typed) {
            if (!(o instanceof KubernetesObject)) {
                throw new IllegalArgumentException(name + ": client-java loaded " + o + " as a "
                        + (o == null ? "null" : o.getClass().getName()));
            }
        }
        return new Rendered(name, docs, typed, custom);
    }

    <T> List<T> all(Class<T> type) {
        return typed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends KubernetesObject> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    List<V1Deployment> deployments() {
        return all(V1Deployment.class);
    }

    List<V1StatefulSet> statefulSets() {
        return all(V1StatefulSet.class);
    }

    List<V1Service> services() {
        return all(V1Service.class);
    }

    List<V1ConfigMap> configMaps() {
        return all(V1ConfigMap.class);
    }

    List<V1Secret> secrets() {
        return all(V1Secret.class);
    }

    List<V1ServiceAccount> serviceAccounts() {
        return all(V1ServiceAccount.class);
    }

    List<V2HorizontalPodAutoscaler> hpas() {
        return all(V2HorizontalPodAutoscaler.class);
    }

    List<V1PodDisruptionBudget> pdbs() {
        return all(V1PodDisruptionBudget.class);
    }

    List<V1NetworkPolicy> networkPolicies() {
        return all(V1NetworkPolicy.class);
    }

    List<V1Ingress> ingresses() {
        return all(V1Ingress.class);
    }

    List<V1Namespace> namespaces() {
        return all(V1Namespace.class);
    }

    List<Map<String, Object>> custom(String kind) {
        return custom.stream().filter(c -> kind.equals(c.get("kind"))).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
