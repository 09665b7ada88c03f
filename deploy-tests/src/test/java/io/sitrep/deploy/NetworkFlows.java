package io.sitrep.deploy;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates NetworkPolicy semantics (networking.k8s.io/v1) over a set of endpoints, as a conforming CNI
 * would: a pod selected by no policy of a direction is open in that direction; once selected, only what
 * some rule allows passes, and a connection needs both the source's egress and the destination's ingress.
 * Peers: podSelector (the policy's namespace), namespaceSelector, or both; ipBlock is not implemented
 * (refused loudly). Ports: number, named port of the destination, protocol (default TCP), endPort.
 */
final class NetworkFlows {

    record Port(int number, String name, String protocol) {
    }

    /** A pod (namespace set) or an address outside the cluster (namespace null). */
    record Endpoint(String id, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
                    List<Port> ports, boolean sitrep) {
    }

    private NetworkFlows() {
    }

    /** Every allowed "src -> dst:port/PROTO" where the source or the destination is a Sitrep pod. */
    static Set<String> allowed(List<V1NetworkPolicy> policies, List<Endpoint> endpoints) {
        Set<String> out = new TreeSet<>();
        for (Endpoint src : endpoints) {
            for (Endpoint dst : endpoints) {
                if (src == dst || !(src.sitrep() || dst.sitrep()) || (src.namespace() == null && dst.namespace() == null)) {
                    continue;
                }
                for (Port port : dst.ports()) {
                    if (allowed(policies, src, dst, port)) {
                        out.add(src.id() + " -> " + dst.id() + ":" + port.number() + "/" + port.protocol());
                    }
                }
            }
        }
        return out;
    }

    static boolean allowed(List<V1NetworkPolicy> policies, Endpoint src, Endpoint dst, Port port) {
        return egressAllows(policies, src, dst, port) && ingressAllows(policies, src, dst, port);
    }

    private static boolean egressAllows(List<V1NetworkPolicy> policies, Endpoint src, Endpoint dst, Port port) {
        if (src.namespace() == null) {
            return true; // outside the cluster: no policy of ours applies
        }
        boolean isolated = false;
        for (V1NetworkPolicy np : policies) {
            if (!inNamespace(np, src) || !types(np).contains("Egress") || !selects(np.getSpec().getPodSelector(), src.labels())) {
                continue;
            }
            isolated = true;
            for (V1NetworkPolicyEgressRule rule : nullToEmpty(np.getSpec().getEgress())) {
                if (peersMatch(rule.getTo(), np, dst) && portsMatch(rule.getPorts(), dst, port)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static boolean ingressAllows(List<V1NetworkPolicy> policies, Endpoint src, Endpoint dst, Port port) {
        if (dst.namespace() == null) {
            return true;
        }
        boolean isolated = false;
        for (V1NetworkPolicy np : policies) {
            if (!inNamespace(np, dst) || !types(np).contains("Ingress") || !selects(np.getSpec().getPodSelector(), dst.labels())) {
                continue;
            }
            isolated = true;
            for (V1NetworkPolicyIngressRule rule : nullToEmpty(np.getSpec().getIngress())) {
                if (peersMatch(rule.getFrom(), np, src) && portsMatch(rule.getPorts(), dst, port)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static boolean peersMatch(List<V1NetworkPolicyPeer> peers, V1NetworkPolicy np, Endpoint other) {
        if (peers == null || peers.isEmpty()) {
            return true; // no from/to: everyone
        }
        for (V1NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                throw new UnsupportedOperationException("ipBlock peers are not evaluated (policy "
                        + np.getMetadata().getName() + ")");
            }
            if (other.namespace() == null) {
                continue; // pod and namespace selectors select pods only
            }
            boolean nsOk = peer.getNamespaceSelector() == null
                    ? other.namespace().equals(namespace(np))
                    : selects(peer.getNamespaceSelector(), other.namespaceLabels());
            boolean podOk = peer.getPodSelector() == null || selects(peer.getPodSelector(), other.labels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<V1NetworkPolicyPort> ports, Endpoint dst, Port port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (V1NetworkPolicyPort p : ports) {
            String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!protocol.equals(port.protocol())) {
                continue;
            }
            IntOrString n = p.getPort();
            if (n == null) {
                return true;
            }
            if (n.isInteger()) {
                int from = n.getIntValue();
                int to = p.getEndPort() == null ? from : p.getEndPort();
                if (port.number() >= from && port.number() <= to) {
                    return true;
                }
            } else if (n.getStrValue().equals(port.name())) {
                return true;
            }
        }
        return false;
    }

    static boolean selects(V1LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> have = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(have.get(e.getKey()))) {
                    return false;
                }
            }
        }
        for (V1LabelSelectorRequirement r : nullToEmpty(selector.getMatchExpressions())) {
            String v = have.get(r.getKey());
            List<String> values = nullToEmpty(r.getValues());
            boolean ok = switch (r.getOperator()) {
                case "In" -> v != null && values.contains(v);
                case "NotIn" -> v == null || !values.contains(v);
                case "Exists" -> v != null;
                case "DoesNotExist" -> v == null;
                default -> throw new IllegalArgumentException("unknown selector operator " + r.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean inNamespace(V1NetworkPolicy np, Endpoint e) {
        return Objects.equals(namespace(np), e.namespace());
    }

    static String namespace(V1NetworkPolicy np) {
        return np.getMetadata().getNamespace() == null ? "default" : np.getMetadata().getNamespace();
    }

    private static List<String> types(V1NetworkPolicy np) {
        List<String> t = np.getSpec().getPolicyTypes();
        if (t != null && !t.isEmpty()) {
            return t;
        }
        return np.getSpec().getEgress() != null ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private static <T> List<T> nullToEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }
}
