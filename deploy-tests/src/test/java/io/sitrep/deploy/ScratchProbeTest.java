package io.sitrep.deploy;

import io.kubernetes.client.util.Yaml;
import org.junit.jupiter.api.Test;

class ScratchProbeTest {
    void attempt(String label, String y) {
        try {
            var l = Yaml.loadAll(y);
            System.out.println(label + " -> OK " + l.stream().map(o -> o == null ? "null" : o.getClass().getName()).toList() + " " + l);
        } catch (Throwable e) {
            System.out.println(label + " -> " + e);
        }
    }
    @Test
    void probe() {
        attempt("unknown field", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  bogus: 1\ndata:\n  A: b\n");
        attempt("configmap bool", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  A: true\n");
        attempt("wrong type int", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  replicas: abc\n");
        attempt("wrong type list", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        name: x\n");
        attempt("misspelled probe", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      containers:\n        - name: x\n          readinesProbe:\n            httpGet: {path: /q, port: http}\n");
        attempt("port string", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n    - port: 80\n      targetPort: http\n");
        attempt("crd", "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: a\nspec:\n  instances: 3\n");
        attempt("quantity bad", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: x\n      resources:\n        limits: {memory: lots}\n");
        attempt("hpa", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: a\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: x}\n  maxReplicas: 3\n  metrics:\n    - type: Resource\n      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}\n");
        attempt("pdb", "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: a\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {a: b}}\n");
        attempt("np", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n");
        attempt("unknown kind", "apiVersion: v1\nkind: Bogus\nmetadata:\n  name: a\n");
    }
}
