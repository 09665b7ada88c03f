package io.sitrep.deploy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressServiceBackend;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2MetricSpec;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks on one rendering. Each method returns the problems it found (empty = fine), so that a test can
 * both require no problem on the real manifests and require a specific problem on a broken copy.
 */
final class ManifestChecks {

    static final String NAME = "app.kubernetes.io/name";
    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String SITREP = "sitrep";
    static final String QUARKUS_UID = "185";
    static final String DB_SECRET = "sitrep-db";
    static final Map<String, String> DB_SECRET_KEYS = Map.of(
            "SITREP_DB_URL", "jdbc-url", "SITREP_DB_USER", "username", "SITREP_DB_PASSWORD", "password");
    static final Map<String, String> HEALTH_PATHS = Map.of(
            "startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live");
    /** entity-service loads its NER model before /q/health/started turns UP. */
    static final int ENTITY_STARTUP_BUDGET_SECONDS = 180;
    static final String FAKE_CREDENTIALS_ANNOTATION = "sitrep.io/fake-dev-credentials";
    static final int POSTGRES_DEFAULT_MAX_CONNECTIONS = 100;
    /** Connections kept free for superusers, CNPG's own instance manager, psql sessions. */
    static final int CONNECTION_HEADROOM = 10;
    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*$");

    private final Rendered r;
    private final Map<String, ServiceConfig> configs;

    ManifestChecks(Rendered r, Map<String, ServiceConfig> configs) {
        this.r = r;
        this.configs = configs;
    }

    // ---------------------------------------------------------------- workloads

    List<String> serviceDeployments() {
        List<String> p = new ArrayList<>();
        for (String svc : configs.keySet()) {
            Optional<V1Deployment> d = r.named(V1Deployment.class, svc);
            if (d.isEmpty()) {
                p.add("no Deployment " + svc);
                continue;
            }
            List<V1Container> cs = d.get().getSpec().getTemplate().getSpec().getContainers();
            if (cs.size() != 1 || !svc.equals(cs.get(0).getName())) {
                p.add("Deployment " + svc + ": expected one container named " + svc);
            }
            if (!("sitrep/" + svc + ":latest").equals(cs.get(0).getImage())) {
                p.add("Deployment " + svc + ": image " + cs.get(0).getImage() + ", expected sitrep/" + svc + ":latest");
            }
        }
        for (V1Deployment d : r.deployments()) {
            if (!configs.containsKey(name(d))) {
                p.add("Deployment " + name(d) + " is no Sitrep service (no module with its application.properties)");
            }
        }
        for (Workload w : workloads()) {
            if (!NetworkFlows.selects(w.selector, w.template.getMetadata().getLabels())) {
                p.add(w + ": spec.selector does not select its own pod template labels");
            }
        }
        return p;
    }

    List<String> probes() {
        List<String> p = new ArrayList<>();
        for (V1Deployment d : r.deployments()) {
            V1Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, V1Probe> probes = new LinkedHashMap<>();
            probes.put("startupProbe", c.getStartupProbe());
            probes.put("readinessProbe", c.getReadinessProbe());
            probes.put("livenessProbe", c.getLivenessProbe());
            for (Map.Entry<String, V1Probe> e : probes.entrySet()) {
                String at = "Deployment " + name(d) + " " + e.getKey();
                V1Probe probe = e.getValue();
                if (probe == null) {
                    p.add(at + ": missing");
                    continue;
                }
                if (probe.getHttpGet() == null) {
                    p.add(at + ": not an httpGet probe");
                    continue;
                }
                String expected = HEALTH_PATHS.get(e.getKey());
                if (!expected.equals(probe.getHttpGet().getPath())) {
                    p.add(at + ": path " + probe.getHttpGet().getPath() + ", expected " + expected);
                }
                Integer port = containerPort(c, probe.getHttpGet().getPort());
                if (port == null) {
                    p.add(at + ": port " + probe.getHttpGet().getPort() + " is not a port of container " + c.getName());
                } else if (configs.containsKey(name(d)) && port != configs.get(name(d)).httpPortDefault()) {
                    p.add(at + ": port " + port + " is not the service's HTTP port " + configs.get(name(d)).httpPortDefault());
                }
                if (probe.getHttpGet().getScheme() != null && !"HTTP".equals(probe.getHttpGet().getScheme())) {
                    p.add(at + ": the services serve plain HTTP");
                }
            }
            V1Probe startup = c.getStartupProbe();
            if (startup != null && "entity-service".equals(name(d)) && budget(startup) < ENTITY_STARTUP_BUDGET_SECONDS) {
                p.add("Deployment entity-service startupProbe: allows " + budget(startup) + " s, the model load needs >= "
                        + ENTITY_STARTUP_BUDGET_SECONDS + " s");
            }
        }
        return p;
    }

    /** Seconds a startup probe waits before the kubelet kills the container. */
    static int budget(V1Probe probe) {
        int delay = probe.getInitialDelaySeconds() == null ? 0 : probe.getInitialDelaySeconds();
        int period = probe.getPeriodSeconds() == null ? 10 : probe.getPeriodSeconds();
        int failures = probe.getFailureThreshold() == null ? 3 : probe.getFailureThreshold();
        return delay + period * failures;
    }

    List<String> resources() {
        List<String> p = new ArrayList<>();
        for (Workload w : workloads()) {
            for (V1Container c : w.template.getSpec().getContainers()) {
                String at = w + " container " + c.getName();
                V1ResourceRequirements res = c.getResources();
                if (res == null) {
                    p.add(at + ": no resources");
                    continue;
                }
                for (String kind : List.of("cpu", "memory")) {
                    Quantity req = res.getRequests() == null ? null : res.getRequests().get(kind);
                    Quantity lim = res.getLimits() == null ? null : res.getLimits().get(kind);
                    if (req == null) {
                        p.add(at + ": no " + kind + " request");
                    }
                    if (lim == null) {
                        p.add(at + ": no " + kind + " limit");
                    }
                    if (req != null && lim != null && req.getNumber().compareTo(lim.getNumber()) > 0) {
                        p.add(at + ": " + kind + " request " + req.toSuffixedString() + " above its limit "
                                + lim.toSuffixedString());
                    }
                }
            }
        }
        return p;
    }

    List<String> securityContexts() {
        List<String> p = new ArrayList<>();
        for (Workload w : workloads()) {
            V1PodSpec spec = w.template.getSpec();
            V1PodSecurityContext pod = spec.getSecurityContext();
            boolean service = w.kind.equals("Deployment");
            if (pod == null) {
                p.add(w + ": no pod securityContext");
                pod = new V1PodSecurityContext();
            }
            if (!Boolean.FALSE.equals(spec.getAutomountServiceAccountToken())) {
                p.add(w + ": automountServiceAccountToken must be false");
            }
            if (service) {
                String sa = spec.getServiceAccountName();
                Optional<V1ServiceAccount> account = sa == null ? Optional.empty() : r.named(V1ServiceAccount.class, sa);
                if (account.isEmpty()) {
                    p.add(w + ": serviceAccountName " + sa + " names no ServiceAccount");
                } else if (!Boolean.FALSE.equals(account.get().getAutomountServiceAccountToken())) {
                    p.add("ServiceAccount " + sa + ": automountServiceAccountToken must be false");
                }
            }
            for (V1Container c : spec.getContainers()) {
                String at = w + " container " + c.getName();
                V1SecurityContext sc = c.getSecurityContext() == null ? new V1SecurityContext() : c.getSecurityContext();
                Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : pod.getRunAsNonRoot();
                Long uid = sc.getRunAsUser() != null ? sc.getRunAsUser() : pod.getRunAsUser();
                V1SeccompProfile seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : pod.getSeccompProfile();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    p.add(at + ": runAsNonRoot must be true");
                }
                if (service && (pod.getRunAsUser() == null || !QUARKUS_UID.equals(String.valueOf(pod.getRunAsUser())))) {
                    p.add(at + ": pod runAsUser must be " + QUARKUS_UID + " (the Quarkus ubi image user)");
                }
                if (service && (uid == null || !QUARKUS_UID.equals(String.valueOf(uid)))) {
                    p.add(at + ": runAsUser must be " + QUARKUS_UID);
                }
                if (uid == null || uid == 0) {
                    p.add(at + ": needs a non-zero runAsUser");
                }
                if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
                    p.add(at + ": seccompProfile must be RuntimeDefault");
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    p.add(at + ": allowPrivilegeEscalation must be false");
                }
                if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    p.add(at + ": readOnlyRootFilesystem must be true");
                }
                if (Boolean.TRUE.equals(sc.getPrivileged())) {
                    p.add(at + ": privileged");
                }
                V1Capabilities caps = sc.getCapabilities();
                if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
                    p.add(at + ": capabilities must drop ALL");
                }
                if (caps != null && caps.getAdd() != null && !caps.getAdd().isEmpty()) {
                    p.add(at + ": adds capabilities " + caps.getAdd());
                }
                if (!mountsEmptyDir(spec, c, "/tmp")) {
                    p.add(at + ": needs an emptyDir at /tmp (the root filesystem is read-only)");
                }
            }
        }
        return p;
    }

    private static boolean mountsEmptyDir(V1PodSpec spec, V1Container c, String path) {
        for (V1VolumeMount m : nullToEmpty(c.getVolumeMounts())) {
            if (path.equals(m.getMountPath())) {
                for (V1Volume v : nullToEmpty(spec.getVolumes())) {
                    if (v.getName().equals(m.getName()) && v.getEmptyDir() != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- configuration

    /** Every variable a Sitrep Deployment sets, with where it comes from. */
    record EnvSource(String name, String literal, String secretName, String secretKey, String configMap) {
    }

    /** Effective environment of a service container: envFrom ConfigMaps first, env entries override. */
    Map<String, EnvSource> environment(V1Deployment d) {
        V1Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, EnvSource> env = new LinkedHashMap<>();
        for (V1EnvFromSource from : nullToEmpty(c.getEnvFrom())) {
            if (from.getConfigMapRef() != null) {
                r.named(V1ConfigMap.class, from.getConfigMapRef().getName()).ifPresent(cm -> {
                    if (cm.getData() != null) {
                        cm.getData().forEach((k, v) -> env.put(k, new EnvSource(k, v, null, null, name(cm))));
                    }
                });
            }
        }
        for (V1EnvVar e : nullToEmpty(c.getEnv())) {
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                env.put(e.getName(), new EnvSource(e.getName(), secretValue(ref.getName(), ref.getKey()), ref.getName(),
                        ref.getKey(), null));
            } else if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                String v = r.named(V1ConfigMap.class, ref.getName()).map(V1ConfigMap::getData)
                        .map(m -> m.get(ref.getKey())).orElse(null);
                env.put(e.getName(), new EnvSource(e.getName(), v, null, null, ref.getName()));
            } else {
                env.put(e.getName(), new EnvSource(e.getName(), e.getValue(), null, null, null));
            }
        }
        return env;
    }

    /** The value of a Secret key when the Secret is part of the rendering (dev only), else null. */
    private String secretValue(String secret, String key) {
        return r.named(V1Secret.class, secret).map(V1Secret::getStringData).map(m -> m.get(key)).orElse(null);
    }

    List<String> environmentVariables() {
        List<String> p = new ArrayList<>();
        for (V1Deployment d : r.deployments()) {
            ServiceConfig cfg = configs.get(name(d));
            if (cfg == null) {
                continue; // reported by serviceDeployments()
            }
            String at = "Deployment " + name(d);
            V1Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (V1EnvFromSource from : nullToEmpty(c.getEnvFrom())) {
                if (from.getSecretRef() != null) {
                    p.add(at + ": envFrom secretRef hides which variables it sets; use secretKeyRef");
                }
                if (from.getPrefix() != null) {
                    p.add(at + ": envFrom prefix is not supported by these checks");
                }
                if (from.getConfigMapRef() != null && r.named(V1ConfigMap.class, from.getConfigMapRef().getName()).isEmpty()) {
                    p.add(at + ": envFrom names a missing ConfigMap " + from.getConfigMapRef().getName());
                }
            }
            Map<String, EnvSource> env = environment(d);
            for (EnvSource e : env.values()) {
                String where = at + (e.configMap() != null ? " (ConfigMap " + e.configMap() + ")" : "");
                cfg.rejects(e.name()).ifPresent(why -> p.add(where + ": " + why));
                if (e.secretName() != null) {
                    if (!DB_SECRET.equals(e.secretName()) || !Objects.equals(DB_SECRET_KEYS.get(e.name()), e.secretKey())) {
                        p.add(at + ": " + e.name() + " from Secret " + e.secretName() + "/" + e.secretKey() + ", expected "
                                + DB_SECRET + "/" + DB_SECRET_KEYS.get(e.name()));
                    }
                }
            }
            for (String required : cfg.requiredInProd()) {
                if (!env.containsKey(required)) {
                    p.add(at + ": " + required + " has no default in application.properties and is not set");
                }
            }
            for (String credential : List.of("SITREP_DB_USER", "SITREP_DB_PASSWORD")) {
                EnvSource e = env.get(credential);
                if (e == null || e.secretName() == null) {
                    p.add(at + ": " + credential + " must come from Secret " + DB_SECRET + " (secretKeyRef)");
                }
            }
            V1ContainerPort http = nullToEmpty(c.getPorts()).stream().filter(x -> "http".equals(x.getName())).findFirst()
                    .orElse(null);
            if (http == null) {
                p.add(at + ": no container port named http");
            } else {
                if (http.getContainerPort() != cfg.httpPortDefault()) {
                    p.add(at + ": containerPort " + http.getContainerPort() + " but quarkus.http.port defaults to "
                            + cfg.httpPortDefault());
                }
                EnvSource portVar = cfg.httpPortVar() == null ? null : env.get(cfg.httpPortVar());
                if (portVar != null && !String.valueOf(http.getContainerPort()).equals(portVar.literal())) {
                    p.add(at + ": " + cfg.httpPortVar() + "=" + portVar.literal() + " but containerPort is "
                            + http.getContainerPort());
                }
            }
            for (EnvSource e : env.values()) {
                if (e.name().endsWith("_SERVICE_URL") && e.literal() != null) {
                    serviceUrl(at + " " + e.name(), e.literal()).ifPresent(p::add);
                }
            }
        }
        for (V1ConfigMap cm : r.configMaps()) {
            boolean used = r.deployments().stream().anyMatch(d -> nullToEmpty(
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom()).stream()
                    .anyMatch(f -> f.getConfigMapRef() != null && name(cm).equals(f.getConfigMapRef().getName())));
            if (!used) {
                p.add("ConfigMap " + name(cm) + " is used by no Deployment (its keys would go unchecked)");
            }
        }
        return p;
    }

    /** A problem with an in-cluster service URL, if any. */
    private Optional<String> serviceUrl(String at, String url) {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            return Optional.of(at + ": " + url + " is not an http://<service> URL");
        }
        Optional<V1Service> svc = r.named(V1Service.class, uri.getHost());
        if (svc.isEmpty()) {
            return Optional.of(at + ": " + url + " names no Service");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        if (svc.get().getSpec().getPorts().stream().noneMatch(sp -> sp.getPort() == port)) {
            return Optional.of(at + ": " + url + ": Service " + uri.getHost() + " has no port " + port);
        }
        return Optional.empty();
    }

    /** The database URL each service will use, where the rendering determines it. */
    List<String> databaseUrls() {
        List<String> p = new ArrayList<>();
        for (V1Deployment d : r.deployments()) {
            EnvSource url = environment(d).get("SITREP_DB_URL");
            if (url == null || url.literal() == null) {
                continue; // from a Secret created outside the rendering (base, prod)
            }
            Matcher m = JDBC.matcher(url.literal());
            if (!m.matches()) {
                p.add("Deployment " + name(d) + ": SITREP_DB_URL " + url.literal() + " is not a jdbc:postgresql URL");
                continue;
            }
            String host = m.group(1);
            int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
            boolean cnpg = r.custom(CnpgClusterCheck.KIND).stream()
                    .anyMatch(c -> host.equals(KustomizeRenderer.metadata(c).get("name") + "-rw"));
            boolean service = r.named(V1Service.class, host)
                    .map(s -> s.getSpec().getPorts().stream().anyMatch(sp -> sp.getPort() == port)).orElse(false);
            if (!(cnpg && port == 5432) && !service) {
                p.add("Deployment " + name(d) + ": SITREP_DB_URL host " + host + ":" + port
                        + " is neither a Service port nor a CloudNativePG -rw service of this rendering");
            }
        }
        return p;
    }

    // ---------------------------------------------------------------- wiring

    List<String> services() {
        List<String> p = new ArrayList<>();
        for (V1Service s : r.services()) {
            String at = "Service " + name(s);
            Map<String, String> selector = s.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                p.add(at + ": no selector");
                continue;
            }
            List<Workload> selected = workloads().stream()
                    .filter(w -> NetworkFlows.selects(new V1LabelSelector().matchLabels(selector),
                            w.template.getMetadata().getLabels()))
                    .toList();
            if (selected.isEmpty()) {
                p.add(at + ": selector " + selector + " matches no pod template");
            }
            for (V1ServicePort sp : s.getSpec().getPorts()) {
                IntOrString target = sp.getTargetPort() == null ? new IntOrString(sp.getPort()) : sp.getTargetPort();
                for (Workload w : selected) {
                    if (w.template.getSpec().getContainers().stream().noneMatch(c -> containerPort(c, target) != null)) {
                        p.add(at + " port " + sp.getPort() + ": targetPort " + target + " is no container port of " + w);
                    }
                }
            }
            if (configs.containsKey(name(s))) {
                boolean http80 = s.getSpec().getPorts().stream()
                        .anyMatch(sp -> sp.getPort() == 80 && "http".equals(sp.getName())
                                && sp.getTargetPort() != null && "http".equals(sp.getTargetPort().toString()));
                if (!http80) {
                    p.add(at + ": expected port 80 named http with targetPort http");
                }
                if (!Objects.equals(selector.get(NAME), name(s))) {
                    p.add(at + ": selector must include " + NAME + "=" + name(s));
                }
            }
        }
        return p;
    }

    List<String> autoscalers() {
        List<String> p = new ArrayList<>();
        for (V2HorizontalPodAutoscaler h : r.hpas()) {
            String at = "HorizontalPodAutoscaler " + name(h);
            var ref = h.getSpec().getScaleTargetRef();
            Optional<V1Deployment> d = "Deployment".equals(ref.getKind()) && "apps/v1".equals(ref.getApiVersion())
                    ? r.named(V1Deployment.class, ref.getName()) : Optional.empty();
            if (d.isEmpty()) {
                p.add(at + ": scaleTargetRef " + ref.getApiVersion() + " " + ref.getKind() + " " + ref.getName()
                        + " names no Deployment");
                continue;
            }
            int min = h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas();
            if (min < 1 || min > h.getSpec().getMaxReplicas()) {
                p.add(at + ": minReplicas " + min + " / maxReplicas " + h.getSpec().getMaxReplicas());
            }
            Integer replicas = d.get().getSpec().getReplicas();
            if (replicas == null || replicas != min) {
                p.add(at + ": Deployment replicas " + replicas + " differ from minReplicas " + min
                        + " (every kubectl apply resets the count to the Deployment's)");
            }
            boolean cpu = nullToEmpty(h.getSpec().getMetrics()).stream().map(V2MetricSpec::getResource)
                    .anyMatch(m -> m != null && "cpu".equals(m.getName()) && "Utilization".equals(m.getTarget().getType())
                            && m.getTarget().getAverageUtilization() != null);
            if (!cpu) {
                p.add(at + ": no CPU utilization metric");
            }
            for (V1Container c : d.get().getSpec().getTemplate().getSpec().getContainers()) {
                if (c.getResources() == null || c.getResources().getRequests() == null
                        || c.getResources().getRequests().get("cpu") == null) {
                    p.add(at + ": container " + c.getName() + " has no CPU request, so no CPU utilization");
                }
            }
        }
        for (V1Deployment d : r.deployments()) {
            if (r.hpas().stream().noneMatch(h -> name(d).equals(h.getSpec().getScaleTargetRef().getName()))) {
                p.add("Deployment " + name(d) + ": no HorizontalPodAutoscaler");
            }
        }
        return p;
    }

    List<String> disruptionBudgets() {
        List<String> p = new ArrayList<>();
        for (V1PodDisruptionBudget b : r.pdbs()) {
            String at = "PodDisruptionBudget " + name(b);
            List<Workload> selected = workloads().stream()
                    .filter(w -> NetworkFlows.selects(b.getSpec().getSelector(), w.template.getMetadata().getLabels()))
                    .toList();
            if (selected.size() != 1 || !selected.get(0).kind.equals("Deployment")) {
                p.add(at + ": selector must match exactly one Deployment's pods, matches " + selected);
                continue;
            }
            if (b.getSpec().getMaxUnavailable() == null && b.getSpec().getMinAvailable() == null) {
                p.add(at + ": neither maxUnavailable nor minAvailable");
            }
            IntOrString minAvailable = b.getSpec().getMinAvailable();
            Integer replicas = selected.get(0).replicas;
            if (minAvailable != null && minAvailable.isInteger() && replicas != null
                    && minAvailable.getIntValue() >= replicas) {
                p.add(at + ": minAvailable " + minAvailable + " >= replicas " + replicas + " blocks every drain");
            }
        }
        for (V1Deployment d : r.deployments()) {
            if (r.pdbs().stream().noneMatch(b -> NetworkFlows.selects(b.getSpec().getSelector(),
                    d.getSpec().getTemplate().getMetadata().getLabels()))) {
                p.add("Deployment " + name(d) + ": no PodDisruptionBudget");
            }
        }
        return p;
    }

    List<String> labels() {
        List<String> p = new ArrayList<>();
        for (Object o : r.typed) {
            KubernetesObject k = (KubernetesObject) o;
            Map<String, String> labels = k.getMetadata().getLabels() == null ? Map.of() : k.getMetadata().getLabels();
            String at = k.getKind() + " " + k.getMetadata().getName();
            if (!SITREP.equals(labels.get(PART_OF))) {
                p.add(at + ": missing label " + PART_OF + "=" + SITREP);
            }
            if (configs.containsKey(k.getMetadata().getName()) && !k.getMetadata().getName().equals(labels.get(NAME))) {
                p.add(at + ": missing label " + NAME + "=" + k.getMetadata().getName());
            }
        }
        for (Workload w : workloads()) {
            Map<String, String> labels = w.template.getMetadata().getLabels();
            if (labels == null || !SITREP.equals(labels.get(PART_OF)) || !w.name.equals(labels.get(NAME))) {
                p.add(w + ": pod template needs labels " + NAME + "=" + w.name + " and " + PART_OF + "=" + SITREP);
            }
        }
        for (Map<String, Object> c : r.custom) {
            Object labels = KustomizeRenderer.metadata(c).get("labels");
            if (!(labels instanceof Map<?, ?> m) || !SITREP.equals(m.get(PART_OF))) {
                p.add(c.get("kind") + " " + KustomizeRenderer.metadata(c).get("name") + ": missing label " + PART_OF);
            }
        }
        return p;
    }

    List<String> ingresses() {
        List<String> p = new ArrayList<>();
        for (V1Ingress ing : r.ingresses()) {
            for (V1IngressRule rule : nullToEmpty(ing.getSpec().getRules())) {
                if (rule.getHttp() == null) {
                    p.add("Ingress " + name(ing) + ": a rule without http paths");
                    continue;
                }
                for (V1HTTPIngressPath path : rule.getHttp().getPaths()) {
                    String at = "Ingress " + name(ing) + " path " + path.getPath();
                    V1IngressServiceBackend b = path.getBackend().getService();
                    if (b == null) {
                        p.add(at + ": no service backend");
                        continue;
                    }
                    Optional<V1Service> s = r.named(V1Service.class, b.getName());
                    if (s.isEmpty()) {
                        p.add(at + ": backend Service " + b.getName() + " does not exist");
                        continue;
                    }
                    var port = b.getPort();
                    boolean portOk = port != null && s.get().getSpec().getPorts().stream()
                            .anyMatch(sp -> port.getName() != null ? port.getName().equals(sp.getName())
                                    : port.getNumber() != null && port.getNumber().equals(sp.getPort()));
                    if (!portOk) {
                        p.add(at + ": Service " + b.getName() + " has no port "
                                + (port == null ? "(none given)" : port.getName() != null ? port.getName() : port.getNumber()));
                    }
                }
            }
        }
        return p;
    }

    /** The Ingress routes, path -> Service name. */
    Map<String, String> routes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (V1Ingress ing : r.ingresses()) {
            for (V1IngressRule rule : nullToEmpty(ing.getSpec().getRules())) {
                if (rule.getHttp() != null) {
                    for (V1HTTPIngressPath path : rule.getHttp().getPaths()) {
                        out.put(path.getPath(), path.getBackend().getService() == null ? null
                                : path.getBackend().getService().getName());
                    }
                }
            }
        }
        return out;
    }

    List<String> secrets() {
        List<String> p = new ArrayList<>();
        for (V1Secret s : r.secrets()) {
            boolean hasValues = (s.getData() != null && !s.getData().isEmpty())
                    || (s.getStringData() != null && !s.getStringData().isEmpty());
            Map<String, String> annotations = s.getMetadata().getAnnotations() == null ? Map.of()
                    : s.getMetadata().getAnnotations();
            if (hasValues && !"true".equals(annotations.get(FAKE_CREDENTIALS_ANNOTATION))) {
                p.add("Secret " + name(s) + " carries values without the " + FAKE_CREDENTIALS_ANNOTATION + " marker");
            }
        }
        for (Workload w : workloads()) {
            for (V1Container c : w.template.getSpec().getContainers()) {
                for (V1EnvVar e : nullToEmpty(c.getEnv())) {
                    if (e.getValueFrom() == null || e.getValueFrom().getSecretKeyRef() == null) {
                        continue;
                    }
                    var ref = e.getValueFrom().getSecretKeyRef();
                    Optional<V1Secret> s = r.named(V1Secret.class, ref.getName());
                    if (s.isPresent() && (s.get().getStringData() == null || !s.get().getStringData().containsKey(ref.getKey()))) {
                        p.add(w + ": " + e.getName() + " needs key " + ref.getKey() + " in Secret " + ref.getName());
                    }
                    if (!DB_SECRET.equals(ref.getName())) {
                        p.add(w + ": " + e.getName() + " reads Secret " + ref.getName() + ", expected " + DB_SECRET);
                    }
                }
            }
        }
        return p;
    }

    /**
     * Peak connections: every Deployment at HPA maxReplicas plus one surge pod (rolling update), times its
     * pool sizes (all its pools), must fit PostgreSQL's max_connections minus headroom. Unknown database (base): nothing to check.
     */
    /** Every connection pool a service may open: the default one, and query-service's read pool. */
    private static final List<String> POOL_VARS = List.of("SITREP_DB_POOL_MAX", "SITREP_DB_READ_POOL_MAX");

    List<String> connectionBudget() {
        Integer max = maxConnections();
        if (max == null) {
            return List.of();
        }
        int peak = 0;
        StringBuilder sum = new StringBuilder();
        for (V1Deployment d : r.deployments()) {
            ServiceConfig cfg = configs.get(name(d));
            int poolSize = 0;
            for (String var : POOL_VARS) {
                if (cfg.envRefs().containsKey(var)) {
                    EnvSource pool = environment(d).get(var);
                    poolSize += Integer.parseInt(pool != null && pool.literal() != null ? pool.literal()
                            : cfg.envRefs().get(var).orElseThrow());
                }
            }
            int pods = r.hpas().stream().filter(h -> name(d).equals(h.getSpec().getScaleTargetRef().getName()))
                    .map(h -> h.getSpec().getMaxReplicas()).findFirst().orElse(d.getSpec().getReplicas());
            int surge = 1;
            if (d.getSpec().getStrategy() != null && d.getSpec().getStrategy().getRollingUpdate() != null
                    && d.getSpec().getStrategy().getRollingUpdate().getMaxSurge() != null
                    && d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().isInteger()) {
                surge = d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntValue();
            }
            peak += (pods + surge) * poolSize;
            sum.append(name(d)).append(" (").append(pods).append("+").append(surge).append(")x").append(poolSize).append(' ');
        }
        if (peak > max - CONNECTION_HEADROOM) {
            return List.of("peak connections " + sum + "= " + peak + " exceed max_connections " + max + " - "
                    + CONNECTION_HEADROOM + " headroom");
        }
        return List.of();
    }

    /** max_connections of the rendering's database, or null when the database is outside the rendering. */
    Integer maxConnections() {
        for (Map<String, Object> c : r.custom(CnpgClusterCheck.KIND)) {
            Object v = CnpgClusterCheck.at(c, "spec", "postgresql", "parameters", "max_connections");
            return v == null ? POSTGRES_DEFAULT_MAX_CONNECTIONS : Integer.valueOf(String.valueOf(v));
        }
        for (V1StatefulSet s : r.statefulSets()) {
            for (V1Container c : s.getSpec().getTemplate().getSpec().getContainers()) {
                if (c.getImage() != null && c.getImage().startsWith("postgres:")) {
                    List<String> args = nullToEmpty(c.getArgs());
                    for (int i = 0; i + 1 < args.size(); i++) {
                        if (args.get(i).equals("-c") && args.get(i + 1).startsWith("max_connections=")) {
                            return Integer.valueOf(args.get(i + 1).substring("max_connections=".length()));
                        }
                    }
                    return POSTGRES_DEFAULT_MAX_CONNECTIONS;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- network policies

    /** Selectors that select nothing are dead rules, usually a typo'd label. */
    List<String> networkPolicySelectors() {
        List<String> p = new ArrayList<>();
        List<NetworkFlows.Endpoint> pods = podsOfThisRendering();
        for (V1NetworkPolicy np : r.networkPolicies()) {
            String at = "NetworkPolicy " + name(np);
            List<NetworkFlows.Endpoint> selected = pods.stream()
                    .filter(e -> NetworkFlows.selects(np.getSpec().getPodSelector(), e.labels())).toList();
            if (selected.isEmpty()) {
                p.add(at + ": podSelector selects no pod of this rendering");
            }
            for (V1NetworkPolicyIngressRule rule : nullToEmpty(np.getSpec().getIngress())) {
                peers(at + " ingress", rule.getFrom(), pods, p);
                for (V1NetworkPolicyPort port : nullToEmpty(rule.getPorts())) {
                    for (NetworkFlows.Endpoint e : selected) {
                        if (!hasPort(e, port)) {
                            p.add(at + ": ingress port " + port.getPort() + " is no container port of " + e.id());
                        }
                    }
                }
            }
            for (V1NetworkPolicyEgressRule rule : nullToEmpty(np.getSpec().getEgress())) {
                List<NetworkFlows.Endpoint> targets = peers(at + " egress", rule.getTo(), pods, p);
                for (V1NetworkPolicyPort port : nullToEmpty(rule.getPorts())) {
                    for (NetworkFlows.Endpoint e : targets) {
                        if (!hasPort(e, port)) {
                            p.add(at + ": egress port " + port.getPort() + " is no container port of " + e.id());
                        }
                    }
                }
            }
        }
        return p;
    }

    /** Pod-only peers must select pods of this rendering (or CloudNativePG instances of its clusters). */
    private List<NetworkFlows.Endpoint> peers(String at, List<V1NetworkPolicyPeer> peers, List<NetworkFlows.Endpoint> pods,
                                              List<String> p) {
        List<NetworkFlows.Endpoint> out = new ArrayList<>();
        for (V1NetworkPolicyPeer peer : nullToEmpty(peers)) {
            if (peer.getNamespaceSelector() != null || peer.getPodSelector() == null) {
                continue; // pods of other namespaces: outside this rendering
            }
            List<NetworkFlows.Endpoint> sel = pods.stream()
                    .filter(e -> NetworkFlows.selects(peer.getPodSelector(), e.labels())).toList();
            if (sel.isEmpty()) {
                p.add(at + ": peer podSelector " + describe(peer.getPodSelector()) + " selects no pod of this rendering");
            }
            out.addAll(sel);
        }
        return out;
    }

    private static boolean hasPort(NetworkFlows.Endpoint e, V1NetworkPolicyPort port) {
        String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
        return port.getPort() == null || e.ports().stream().anyMatch(x -> x.protocol().equals(protocol)
                && (port.getPort().isInteger() ? x.number() == port.getPort().getIntValue()
                : port.getPort().getStrValue().equals(x.name())));
    }

    /** The rendering's pods: its workloads and the instances of its CloudNativePG clusters. */
    List<NetworkFlows.Endpoint> podsOfThisRendering() {
        List<NetworkFlows.Endpoint> out = new ArrayList<>();
        for (Workload w : workloads()) {
            List<NetworkFlows.Port> ports = new ArrayList<>();
            for (V1Container c : w.template.getSpec().getContainers()) {
                for (V1ContainerPort cp : nullToEmpty(c.getPorts())) {
                    ports.add(new NetworkFlows.Port(cp.getContainerPort(), cp.getName(),
                            cp.getProtocol() == null ? "TCP" : cp.getProtocol()));
                }
            }
            Map<String, String> labels = w.template.getMetadata().getLabels();
            out.add(new NetworkFlows.Endpoint(w.name, w.namespace, namespaceLabels(w.namespace), labels, ports,
                    labels != null && SITREP.equals(labels.get(PART_OF))));
        }
        for (Map<String, Object> c : r.custom(CnpgClusterCheck.KIND)) {
            Object ns = KustomizeRenderer.metadata(c).get("namespace");
            String namespace = ns == null ? "default" : ns.toString();
            String cluster = String.valueOf(KustomizeRenderer.metadata(c).get("name"));
            // Labels CloudNativePG puts on instance pods; the pod is not part-of sitrep (not ours to police).
            out.add(new NetworkFlows.Endpoint("cnpg:" + cluster, namespace, namespaceLabels(namespace),
                    Map.of("cnpg.io/cluster", cluster, "cnpg.io/podRole", "instance"),
                    List.of(new NetworkFlows.Port(5432, "postgresql", "TCP")), false));
        }
        return out;
    }

    /** Labels of a namespace: the rendered Namespace's, plus the automatic kubernetes.io/metadata.name. */
    Map<String, String> namespaceLabels(String namespace) {
        Map<String, String> labels = new LinkedHashMap<>();
        r.namespaces().stream().filter(n -> namespace.equals(name(n))).findFirst()
                .map(n -> n.getMetadata().getLabels()).ifPresent(labels::putAll);
        labels.put("kubernetes.io/metadata.name", namespace);
        return labels;
    }

    /** The namespace the Sitrep services land in ("default" when the rendering sets none). */
    String namespace() {
        return r.deployments().stream().map(d -> d.getMetadata().getNamespace()).filter(Objects::nonNull).findFirst()
                .orElse("default");
    }

    // ---------------------------------------------------------------- helpers

    /** A Deployment or StatefulSet, reduced to what the checks need. */
    record Workload(String kind, String name, String namespace, V1LabelSelector selector, V1PodTemplateSpec template,
                    Integer replicas) {
        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    List<Workload> workloads() {
        List<Workload> out = new ArrayList<>();
        for (V1Deployment d : r.deployments()) {
            out.add(new Workload("Deployment", name(d), ns(d.getMetadata()), d.getSpec().getSelector(),
                    d.getSpec().getTemplate(), d.getSpec().getReplicas()));
        }
        for (V1StatefulSet s : r.statefulSets()) {
            out.add(new Workload("StatefulSet", name(s), ns(s.getMetadata()), s.getSpec().getSelector(),
                    s.getSpec().getTemplate(), s.getSpec().getReplicas()));
        }
        return out;
    }

    /** The container port a probe or Service refers to (by name or number), or null. */
    static Integer containerPort(V1Container c, IntOrString port) {
        if (port == null) {
            return null;
        }
        for (V1ContainerPort cp : nullToEmpty(c.getPorts())) {
            if (port.isInteger() ? cp.getContainerPort().equals(port.getIntValue()) : port.getStrValue().equals(cp.getName())) {
                return cp.getContainerPort();
            }
        }
        return null;
    }

    private static String describe(V1LabelSelector s) {
        return (s.getMatchLabels() == null ? "" : s.getMatchLabels().toString())
                + (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty() ? ""
                : s.getMatchExpressions().toString().replaceAll("\\s+", " "));
    }

    private static String ns(V1ObjectMeta m) {
        return m.getNamespace() == null ? "default" : m.getNamespace();
    }

    static String name(KubernetesObject o) {
        return o.getMetadata().getName();
    }

    static <T> List<T> nullToEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }
}
