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
        attempt("env int", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: x\n      env:\n        - name: A\n          value: 8081\n");
        attempt("containerPort str", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: x\n      ports:\n        - containerPort: \"8081\"\n");
        attempt("label bool", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    a: true\n");
        attempt("bool as str", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  automountServiceAccountToken: \"yes\"\n");
        attempt("port bool", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n    - port: 80\n      targetPort: true\n");
        attempt("missing kind", "apiVersion: v1\nmetadata:\n  name: a\n");
        attempt("list of strings with map", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: x\n      args: [{a: 1}]\n");
    }
}
