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
    /** The only namespace a Secret marked with {@link #FAKE_CREDENTIALS_ANNOTATION} may land in (the dev overlay's). */
    static final String DEV_NAMESPACE = "sitrep-dev";
    /** The JWT keys, mounted as files: created by hand (base, prod), fake in dev. */
    static final String AUTH_SECRET = "sitrep-auth";
    /** Its key holding the verification (public) key, and the one holding the private signing key. */
    static final String AUTH_PUBLIC_KEY = "public-key.pem";
    static final String AUTH_SIGNING_KEY = "signing-key.pem";
    /** application.properties keys whose variables the deployment must set (when the service has the key). */
    static final String VERIFY_KEY_PROPERTY = "mp.jwt.verify.publickey.location";
    static final String SIGNING_KEY_PROPERTY = "smallrye.jwt.sign.key.location";
    static final String ISSUER_PROPERTY = "mp.jwt.verify.issuer";
    static final String CORS_PROPERTY = "quarkus.http.cors.origins";
    private static final Pattern PRIVATE_KEY_PEM = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]{24,}={0,2}");
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
            boolean fake = "true".equals(annotations.get(FAKE_CREDENTIALS_ANNOTATION));
            if (hasValues && !fake) {
                p.add("Secret " + name(s) + " carries values without the " + FAKE_CREDENTIALS_ANNOTATION + " marker");
            }
            if (fake && !DEV_NAMESPACE.equals(ns(s.getMetadata()))) {
                p.add("Secret " + name(s) + " is marked " + FAKE_CREDENTIALS_ANNOTATION + " but lands in namespace "
                        + ns(s.getMetadata()) + ": fake credentials belong to the dev overlay (" + DEV_NAMESPACE + ") only");
            }
        }
        for (V1ConfigMap cm : r.configMaps()) {
            if (cm.getData() != null && cm.getData().values().stream()
                    .anyMatch(ManifestChecks::holdsPrivateKey)
                    || cm.getBinaryData() != null && cm.getBinaryData().values().stream()
                    .anyMatch(b -> holdsPrivateKey(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)))) {
                p.add("ConfigMap " + name(cm) + " holds a private key: keys belong in Secret " + AUTH_SECRET);
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
     * Bearer-JWT wiring of every service, from what its application.properties reads:
     * <ul>
     *   <li>the variables behind {@value #VERIFY_KEY_PROPERTY}, {@value #ISSUER_PROPERTY}, {@value #CORS_PROPERTY}
     *       and, for a service that signs its own tokens, {@value #SIGNING_KEY_PROPERTY} are set (the key
     *       locations non-empty); every service expects the same issuer, since they verify each other's tokens;</li>
     *   <li>a key location that is a file is provided by a read-only secret volume of {@value #AUTH_SECRET}, at
     *       exactly that path, from the expected key (the verification key may instead be an https JWKS URL);</li>
     *   <li>the container gets only the files of {@value #AUTH_SECRET} it reads (volume {@code items}), and never
     *       the private signing key when it signs nothing (query-service);</li>
     *   <li>user 185 can read them (the files are root's: group read with a pod fsGroup, or others read).</li>
     * </ul>
     */
    List<String> authentication() {
        List<String> p = new ArrayList<>();
        Map<String, List<String>> issuers = new LinkedHashMap<>();
        for (V1Deployment d : r.deployments()) {
            ServiceConfig cfg = configs.get(name(d));
            if (cfg == null) {
                continue; // reported by serviceDeployments()
            }
            String at = "Deployment " + name(d);
            V1PodSpec spec = d.getSpec().getTemplate().getSpec();
            V1Container c = spec.getContainers().get(0);
            Map<String, EnvSource> env = environment(d);
            Optional<String> verifyVar = cfg.variableOf(VERIFY_KEY_PROPERTY);
            Optional<String> signVar = cfg.variableOf(SIGNING_KEY_PROPERTY);
            if (verifyVar.isEmpty()) {
                p.add(at + ": " + VERIFY_KEY_PROPERTY + " reads no variable in application.properties; these checks"
                        + " expect ${SITREP_AUTH_PUBLIC_KEY_LOCATION}");
            }
            // every variable of the auth properties must be set, so that platform teams see every knob
            for (String property : List.of(VERIFY_KEY_PROPERTY, SIGNING_KEY_PROPERTY, ISSUER_PROPERTY, CORS_PROPERTY)) {
                cfg.variableOf(property).filter(v -> !env.containsKey(v))
                        .ifPresent(v -> p.add(at + ": " + v + " (" + property + ") is not set"));
            }
            cfg.variableOf(ISSUER_PROPERTY).map(env::get).ifPresent(iss -> {
                if (iss.literal() == null || iss.literal().isBlank()) {
                    p.add(at + ": " + iss.name() + " is empty");
                } else {
                    issuers.computeIfAbsent(iss.literal(), k -> new ArrayList<>()).add(name(d));
                }
            });
            // the keys of Secret sitrep-auth this service reads -> the variable that points at the file
            Map<String, String> reads = new LinkedHashMap<>();
            verifyVar.map(env::get).ifPresent(e -> keyLocation(at, spec, c, e, AUTH_PUBLIC_KEY, true, p)
                    .ifPresent(key -> reads.put(key, e.name())));
            signVar.map(env::get).ifPresent(e -> keyLocation(at, spec, c, e, AUTH_SIGNING_KEY, false, p)
                    .ifPresent(key -> reads.put(key, e.name())));
            // what the container gets from the Secret: only what it reads
            for (V1VolumeMount m : nullToEmpty(c.getVolumeMounts())) {
                Optional<V1Volume> v = volume(spec, m.getName());
                if (v.isEmpty()) {
                    p.add(at + ": volumeMount " + m.getName() + " names no volume");
                    continue;
                }
                if (v.get().getProjected() != null && nullToEmpty(v.get().getProjected().getSources()).stream()
                        .anyMatch(src -> src.getSecret() != null && AUTH_SECRET.equals(src.getSecret().getName()))) {
                    p.add(at + ": volume " + m.getName() + " projects Secret " + AUTH_SECRET
                            + "; use a secret volume with items (these checks follow no projected volume)");
                }
                var secret = v.get().getSecret();
                if (secret == null || !AUTH_SECRET.equals(secret.getSecretName())) {
                    continue;
                }
                String vol = "volume " + m.getName() + " (Secret " + AUTH_SECRET + ")";
                if (!Boolean.TRUE.equals(m.getReadOnly())) {
                    p.add(at + ": " + vol + " must be mounted readOnly: true");
                }
                if (Boolean.TRUE.equals(secret.getOptional())) {
                    p.add(at + ": " + vol + " must not be optional (the service refuses to start without its keys)");
                }
                if (secret.getItems() == null || secret.getItems().isEmpty()) {
                    p.add(at + ": " + vol + " mounts every key of the Secret; list only the keys the service reads (items)");
                }
                // the files this mount puts into the container: key -> (path in the volume, mode)
                Map<String, Map.Entry<String, Integer>> files = new LinkedHashMap<>();
                if (secret.getItems() == null || secret.getItems().isEmpty()) {
                    secretKeys(AUTH_SECRET).orElse(List.of(AUTH_PUBLIC_KEY, AUTH_SIGNING_KEY))
                            .forEach(k -> files.put(k, Map.entry(k, mode(secret.getDefaultMode()))));
                } else {
                    secret.getItems().forEach(i -> files.put(i.getKey(),
                            Map.entry(i.getPath(), mode(i.getMode() != null ? i.getMode() : secret.getDefaultMode()))));
                }
                if (m.getSubPath() != null) { // a single file (or directory) of the volume
                    files.values().removeIf(f -> !(f.getKey() + "/").startsWith(m.getSubPath().replaceFirst("/$", "") + "/"));
                }
                for (Map.Entry<String, Map.Entry<String, Integer>> file : files.entrySet()) {
                    String key = file.getKey();
                    String path = m.getSubPath() != null && file.getValue().getKey().equals(m.getSubPath()) ? m.getMountPath()
                            : m.getMountPath().replaceFirst("/$", "") + "/" + file.getValue().getKey();
                    boolean privateKey = AUTH_SIGNING_KEY.equals(key)
                            || holdsPrivateKey(secretValue(AUTH_SECRET, key));
                    if (privateKey && signVar.isEmpty()) {
                        p.add(at + ": gets the private signing key " + key + " of Secret " + AUTH_SECRET + " (at " + path
                                + ") but signs no tokens (least privilege: mount only " + AUTH_PUBLIC_KEY + ")");
                    } else if (!reads.containsKey(key)) {
                        p.add(at + ": gets key " + key + " of Secret " + AUTH_SECRET + " at " + path
                                + ", which no SITREP_AUTH_* variable points at (mount only what it reads)");
                    } else if (!readableBy185(spec, file.getValue().getValue())) {
                        p.add(at + ": " + path + " has mode 0" + Integer.toOctalString(file.getValue().getValue())
                                + ": user " + QUARKUS_UID + " cannot read it (the file is root's; give group read and a pod"
                                + " fsGroup, or others read)");
                    }
                }
            }
        }
        if (issuers.size() > 1) {
            p.add("the services expect different token issuers " + issuers + ": a service's own tokens would be"
                    + " refused by the others (set the same SITREP_AUTH_ISSUER everywhere)");
        }
        return p;
    }

    /**
     * Checks one key location variable and answers the key of {@value #AUTH_SECRET} it reads, if it names a file
     * that the container gets from that Secret.
     */
    private Optional<String> keyLocation(String at, V1PodSpec spec, V1Container c, EnvSource e, String expectedKey,
                                         boolean urlAllowed, List<String> p) {
        String location = e.literal();
        String what = e.name() + " " + location;
        if (location == null || location.isBlank()) {
            if (e.secretName() == null) {
                p.add(at + ": " + e.name() + " is empty");
            }
            return Optional.empty();
        }
        if (location.startsWith("https://")) {
            if (!urlAllowed) {
                p.add(at + ": " + what + ": the signing key must be a file from Secret " + AUTH_SECRET);
            }
            return Optional.empty(); // an identity provider's JWKS: nothing to mount
        }
        if (location.startsWith("http://")) {
            p.add(at + ": " + what + ": keys fetched over plain HTTP can be replaced on the way; use https");
            return Optional.empty();
        }
        if (location.startsWith("classpath:")) {
            p.add(at + ": " + what + ": keys come from Secret " + AUTH_SECRET + ", never from the image");
            return Optional.empty();
        }
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        if (!path.startsWith("/")) {
            p.add(at + ": " + what + " is not an absolute path (a relative one is looked up on the classpath too)");
            return Optional.empty();
        }
        // the mount that provides the path: the deepest one at or above it
        V1VolumeMount mount = null;
        for (V1VolumeMount m : nullToEmpty(c.getVolumeMounts())) {
            boolean covers = m.getSubPath() != null ? path.equals(m.getMountPath())
                    : path.startsWith(m.getMountPath().endsWith("/") ? m.getMountPath() : m.getMountPath() + "/");
            if (covers && (mount == null || m.getMountPath().length() > mount.getMountPath().length())) {
                mount = m;
            }
        }
        if (mount == null) {
            p.add(at + ": " + what + " is on no volume mount of container " + c.getName()
                    + " (mount Secret " + AUTH_SECRET + " there)");
            return Optional.empty();
        }
        String mountName = mount.getName();
        Optional<V1Volume> v = volume(spec, mountName);
        if (v.isEmpty() || v.get().getSecret() == null || !AUTH_SECRET.equals(v.get().getSecret().getSecretName())) {
            p.add(at + ": " + what + " is on volume " + mountName + ", which is not Secret " + AUTH_SECRET);
            return Optional.empty();
        }
        var secret = v.get().getSecret();
        String relative = mount.getSubPath() != null ? mount.getSubPath()
                : path.substring(mount.getMountPath().length()).replaceFirst("^/", "");
        String key;
        if (secret.getItems() == null || secret.getItems().isEmpty()) {
            key = relative;
        } else {
            key = secret.getItems().stream().filter(i -> relative.equals(i.getPath())).map(i -> i.getKey())
                    .findFirst().orElse(null);
            if (key == null) {
                p.add(at + ": " + what + ": no item of volume " + mountName + " (Secret " + AUTH_SECRET + ") is at "
                        + relative + " (items: " + secret.getItems().stream().map(i -> i.getPath()).toList() + ")");
                return Optional.empty();
            }
        }
        if (!expectedKey.equals(key)) {
            p.add(at + ": " + what + " is key " + key + " of Secret " + AUTH_SECRET + ", expected " + expectedKey);
        }
        secretKeys(AUTH_SECRET).filter(keys -> !keys.contains(key)).ifPresent(keys ->
                p.add(at + ": " + what + ": Secret " + AUTH_SECRET + " has no key " + key + " (it has " + keys + ")"));
        return Optional.of(key);
    }

    /** Whether a text holds a PEM private key, as is or base64-encoded (a Secret's data, a ConfigMap's binaryData). */
    static boolean holdsPrivateKey(String text) {
        if (text == null) {
            return false;
        }
        if (PRIVATE_KEY_PEM.matcher(text).find()) {
            return true;
        }
        Matcher m = BASE64_RUN.matcher(text);
        while (m.find()) {
            try {
                String decoded = new String(java.util.Base64.getDecoder().decode(m.group()),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
                if (PRIVATE_KEY_PEM.matcher(decoded).find()) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // not base64 after all
            }
        }
        return false;
    }

    private static Optional<V1Volume> volume(V1PodSpec spec, String name) {
        return nullToEmpty(spec.getVolumes()).stream().filter(v -> name.equals(v.getName())).findFirst();
    }

    /** The keys of a Secret of this rendering (dev), or empty when it is created outside the rendering. */
    private Optional<List<String>> secretKeys(String secret) {
        return r.named(V1Secret.class, secret).map(s -> {
            List<String> keys = new ArrayList<>();
            if (s.getStringData() != null) {
                keys.addAll(s.getStringData().keySet());
            }
            if (s.getData() != null) {
                keys.addAll(s.getData().keySet());
            }
            return keys;
        });
    }

    /** Kubernetes' default mode of a secret volume's files: 0644. */
    private static int mode(Integer mode) {
        return mode == null ? 0644 : mode;
    }

    /** Secret volume files belong to root, and to the pod's fsGroup when it has one. */
    private static boolean readableBy185(V1PodSpec spec, int m) {
        boolean fsGroup = spec.getSecurityContext() != null && spec.getSecurityContext().getFsGroup() != null;
        return (m & 0004) != 0 || (fsGroup && (m & 0040) != 0);
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
