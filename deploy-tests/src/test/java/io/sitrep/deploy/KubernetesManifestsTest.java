package io.sitrep.deploy;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.util.Yaml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Offline validation of deploy/k8s: renders the base and both overlays with {@link KustomizeRenderer}, loads
 * every document with client-java's {@code Yaml.loadAll} after {@link StrictModelCheck}, validates the
 * CloudNativePG Cluster with {@link CnpgClusterCheck}, and checks the manifests against each other and
 * against the services' application.properties. No cluster is involved: what a real API server, CNI,
 * ingress controller or operator would do is modelled, not observed.
 */
class KubernetesManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("sitrep.root", "..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final List<String> RENDERINGS = List.of("base", "dev", "prod");
    static final String INGEST = "ingest-service";
    static final String ENTITY = "entity-service";
    static final String QUERY = "query-service";

    static Map<String, ServiceConfig> configs;

    @BeforeAll
    static void loadServiceConfigs() {
        assertThat(K8S.resolve("base/kustomization.yaml")).as("sitrep.root=" + ROOT).isRegularFile();
        configs = new LinkedHashMap<>();
        for (String svc : ServiceConfig.SERVICES) {
            configs.put(svc, ServiceConfig.load(ROOT, svc));
        }
    }

    static Path dir(String rendering) {
        return rendering.equals("base") ? K8S.resolve("base") : K8S.resolve("overlays").resolve(rendering);
    }

    private static final Map<String, Rendered> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The real rendering (cached: tests only read it; {@link #broken} renders a fresh copy to change). */
    static Rendered render(String rendering) {
        return RENDERED.computeIfAbsent(rendering, r -> Rendered.render(r, dir(r)));
    }

    static ManifestChecks checks(Rendered r) {
        return new ManifestChecks(r, configs);
    }

    /** A rendering with one change made to its raw documents before they are loaded. */
    static Rendered broken(String rendering, Consumer<List<Map<String, Object>>> change) {
        List<Map<String, Object>> docs = KustomizeRenderer.render(dir(rendering));
        change.accept(docs);
        return Rendered.load(rendering + " (broken)", docs);
    }

    // ================================================================ the real manifests

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void rendersAndLoadsWithClientJava(String rendering) {
        Rendered r = render(rendering);
        assertThat(r.typed).hasSizeGreaterThan(20);
        assertThat(r.deployments()).extracting(ManifestChecks::name).containsExactlyInAnyOrder(INGEST, ENTITY, QUERY);
        assertThat(r.raw).hasSize(r.typed.size() + r.custom.size());
    }

    /** Every generic check on every rendering: one dynamic test each, so a failure names both. */
    @TestFactory
    Stream<DynamicTest> everyCheckPassesOnEveryRendering() {
        Map<String, Function<ManifestChecks, List<String>>> all = new LinkedHashMap<>();
        all.put("service deployments", ManifestChecks::serviceDeployments);
        all.put("probes", ManifestChecks::probes);
        all.put("resources", ManifestChecks::resources);
        all.put("security contexts", ManifestChecks::securityContexts);
        all.put("environment variables", ManifestChecks::environmentVariables);
        all.put("database URLs", ManifestChecks::databaseUrls);
        all.put("services", ManifestChecks::services);
        all.put("autoscalers", ManifestChecks::autoscalers);
        all.put("disruption budgets", ManifestChecks::disruptionBudgets);
        all.put("labels", ManifestChecks::labels);
        all.put("ingresses", ManifestChecks::ingresses);
        all.put("secrets", ManifestChecks::secrets);
        all.put("authentication", ManifestChecks::authentication);
        all.put("connection budget", ManifestChecks::connectionBudget);
        all.put("network policy selectors", ManifestChecks::networkPolicySelectors);
        return RENDERINGS.stream().flatMap(rendering -> {
            ManifestChecks c = checks(render(rendering));
            return all.entrySet().stream().map(e -> DynamicTest.dynamicTest(rendering + ": " + e.getKey(),
                    () -> assertThat(e.getValue().apply(c)).as(rendering + " " + e.getKey()).isEmpty()));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void networkPoliciesAllowExactlyTheRealFlows(String rendering) {
        ManifestChecks c = checks(render(rendering));
        assertThat(NetworkFlows.allowed(render(rendering).networkPolicies(), endpoints(c)))
                .containsExactlyInAnyOrderElementsOf(expectedFlows(rendering));
    }

    /** The rendering's pods plus stand-ins for what surrounds them on a cluster. */
    static List<NetworkFlows.Endpoint> endpoints(ManifestChecks c) {
        List<NetworkFlows.Endpoint> e = new ArrayList<>(c.podsOfThisRendering());
        String ns = c.namespace();
        e.add(new NetworkFlows.Endpoint("ingress-controller", "ingress-system",
                Map.of("sitrep.io/ingress-controller", "true", "kubernetes.io/metadata.name", "ingress-system"),
                Map.of("app.kubernetes.io/name", "ingress-controller"),
                List.of(new NetworkFlows.Port(80, "http", "TCP"), new NetworkFlows.Port(443, "https", "TCP")), false));
        e.add(new NetworkFlows.Endpoint("kube-dns", "kube-system", Map.of("kubernetes.io/metadata.name", "kube-system"),
                Map.of("k8s-app", "kube-dns"),
                List.of(new NetworkFlows.Port(53, "dns", "UDP"), new NetworkFlows.Port(53, "dns-tcp", "TCP")), false));
        e.add(new NetworkFlows.Endpoint("neighbour", ns, c.namespaceLabels(ns), Map.of("app", "neighbour"),
                List.of(new NetworkFlows.Port(8080, "http", "TCP")), false));
        e.add(new NetworkFlows.Endpoint("other-namespace", "elsewhere", Map.of("kubernetes.io/metadata.name", "elsewhere"),
                Map.of("app", "other"), List.of(new NetworkFlows.Port(8080, "http", "TCP")), false));
        e.add(new NetworkFlows.Endpoint("internet", null, Map.of(), Map.of(),
                List.of(new NetworkFlows.Port(5432, null, "TCP"), new NetworkFlows.Port(443, null, "TCP")), false));
        return e;
    }

    static Set<String> expectedFlows(String rendering) {
        Set<String> e = new TreeSet<>();
        e.add("ingress-controller -> ingest-service:8081/TCP");
        e.add("ingress-controller -> query-service:8083/TCP");
        e.add("ingest-service -> entity-service:8082/TCP");
        e.add("entity-service -> query-service:8083/TCP");
        e.add("entity-service -> ingest-service:8081/TCP");
        for (String svc : ServiceConfig.SERVICES) {
            e.add(svc + " -> kube-dns:53/UDP");
            e.add(svc + " -> kube-dns:53/TCP");
            e.add(svc + switch (rendering) {
                case "base" -> " -> internet:5432/TCP"; // an external database: any address, port 5432 only
                case "dev" -> " -> postgres:5432/TCP";
                case "prod" -> " -> cnpg:sitrep-db:5432/TCP";
                default -> throw new IllegalArgumentException(rendering);
            });
        }
        return e;
    }

    @Test
    void ingressRoutesThePublicApisAndNothingElse() {
        for (String rendering : RENDERINGS) {
            assertThat(checks(render(rendering)).routes()).as(rendering).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "/api/v1/articles", INGEST,
                    "/api/v1/article-batches", INGEST,
                    "/api/v1/search", QUERY,
                    "/api/v1/documents", QUERY,
                    "/api/v1/entities", QUERY,
                    "/api/v1/quotes", QUERY,
                    "/api/v1/timeline", QUERY,
                    "/api/v1/network", QUERY));
        }
    }

    /**
     * The Ingress against the code: every resource path of ingest-service and query-service is routed (to
     * its own service), every Ingress path leads to a resource of its backend, entity-service is never public.
     */
    @Test
    void ingressRoutesMatchTheServicesResourcePaths() throws IOException {
        Map<String, String> routes = checks(render("base")).routes();
        Map<String, Set<String>> resources = new LinkedHashMap<>();
        for (String svc : ServiceConfig.SERVICES) {
            resources.put(svc, resourcePaths(ROOT.resolve(svc).resolve("src/main/java")));
        }
        assertThat(resources.get(INGEST)).contains("/api/v1/articles");
        assertThat(resources.get(QUERY)).contains("/api/v1/search");
        for (String svc : List.of(INGEST, QUERY)) {
            for (String path : resources.get(svc)) {
                assertThat(routes.entrySet()).as(svc + " resource " + path + " is routed by the Ingress")
                        .anySatisfy(r -> {
                            assertThat(path + "/").startsWith(r.getKey() + "/");
                            assertThat(r.getValue()).isEqualTo(svc);
                        });
            }
        }
        routes.forEach((path, svc) -> assertThat(resources.get(svc)).as("Ingress " + path + " -> " + svc)
                .anySatisfy(p -> assertThat(p + "/").startsWith(path + "/")));
        assertThat(routes.values()).doesNotContain(ENTITY);
    }

    private static final Pattern PATH_ANNOTATION = Pattern.compile("@Path\\(\\s*(?:\"([^\"]+)\"|(?:\\w+\\.)?(\\w+))\\s*\\)");

    private static final Pattern CLASS_DECLARATION =
            Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?(?:abstract\\s+)?class\\s");

    /** Class-level JAX-RS @Path values of a source tree's server resources (REST client interfaces excluded). */
    static Set<String> resourcePaths(Path sources) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher decl = CLASS_DECLARATION.matcher(src);
                if (!decl.find() || src.contains("@RegisterRestClient")) {
                    continue;
                }
                int type = decl.start();
                Matcher m = PATH_ANNOTATION.matcher(src);
                if (m.find() && m.start() < type) {
                    String value = m.group(1);
                    if (value == null) {
                        Matcher c = Pattern.compile("\\b" + m.group(2) + "\\s*=\\s*\"([^\"]+)\"").matcher(src);
                        assertThat(c.find()).as("constant " + m.group(2) + " in " + f).isTrue();
                        value = c.group(1);
                    }
                    out.add(value);
                }
            }
        }
        return out;
    }

    @Test
    void entityServiceStartupProbeAllowsThreeMinutesForTheModel() {
        for (String rendering : RENDERINGS) {
            V1Deployment d = render(rendering).named(V1Deployment.class, ENTITY).orElseThrow();
            assertThat(ManifestChecks.budget(d.getSpec().getTemplate().getSpec().getContainers().get(0).getStartupProbe()))
                    .as(rendering).isGreaterThanOrEqualTo(180);
        }
    }

    @Test
    void devRunsPostgresAsAStatefulSetAndHasNoCnpgCluster() {
        Rendered r = render("dev");
        assertThat(r.custom).isEmpty();
        V1StatefulSet pg = r.named(V1StatefulSet.class, "postgres").orElseThrow();
        assertThat(pg.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("postgres:17");
        assertThat(pg.getSpec().getVolumeClaimTemplates()).hasSize(1);
        assertThat(pg.getSpec().getServiceName()).isEqualTo("postgres");
        assertThat(r.services()).extracting(ManifestChecks::name).contains("postgres");
        assertThat(r.deployments()).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        assertThat(r.hpas()).allSatisfy(h -> assertThat(h.getSpec().getMinReplicas()).isEqualTo(1));
        // The services reach it through the (fake) Secret's jdbc-url, and it creates that database.
        ManifestChecks c = checks(r);
        for (V1Deployment d : r.deployments()) {
            assertThat(c.environment(d).get("SITREP_DB_URL").literal()).isEqualTo("jdbc:postgresql://postgres:5432/sitrep");
        }
        assertThat(pg.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("POSTGRES_DB=sitrep"));
    }

    @Test
    void devSecretsAreMarkedAsFakeAndAreTheOnlySecretsAnywhere() {
        Rendered dev = render("dev");
        assertThat(dev.secrets()).extracting(ManifestChecks::name)
                .containsExactlyInAnyOrder(ManifestChecks.DB_SECRET, ManifestChecks.AUTH_SECRET);
        assertThat(dev.secrets()).allSatisfy(s -> {
            assertThat(s.getMetadata().getAnnotations()).containsEntry(ManifestChecks.FAKE_CREDENTIALS_ANNOTATION, "true");
            assertThat(s.getMetadata().getNamespace()).isEqualTo(ManifestChecks.DEV_NAMESPACE);
        });
        assertThat(dev.named(V1Secret.class, ManifestChecks.DB_SECRET).orElseThrow().getStringData())
                .containsOnlyKeys("username", "password", "jdbc-url");
        assertThat(dev.named(V1Secret.class, ManifestChecks.AUTH_SECRET).orElseThrow().getStringData())
                .containsOnlyKeys(ManifestChecks.AUTH_PUBLIC_KEY, ManifestChecks.AUTH_SIGNING_KEY);
        for (String rendering : List.of("base", "prod")) {
            assertThat(render(rendering).secrets()).as(rendering + " must not carry any Secret").isEmpty();
        }
    }

    /** Every committed file, rendered or not: key material and Secret values only in the dev overlay, marked fake. */
    @Test
    void noKeyMaterialOrSecretValuesAreCommittedOutsideTheDevOverlay() {
        assertThat(CommittedSecrets.check(K8S)).isEmpty();
    }

    /**
     * The dev Secret sitrep-auth is a usable key pair: an RSA private key in PKCS#8 PEM (what smallrye-jwt signs
     * with) and its own public half (what every service verifies with), so that one service's token passes another.
     */
    @Test
    void devAuthSecretIsAMatchingFakeKeyPair() throws Exception {
        Map<String, String> keys = render("dev").named(V1Secret.class, ManifestChecks.AUTH_SECRET).orElseThrow().getStringData();
        String privatePem = keys.get(ManifestChecks.AUTH_SIGNING_KEY);
        String publicPem = keys.get(ManifestChecks.AUTH_PUBLIC_KEY);
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        java.security.KeyFactory rsa = java.security.KeyFactory.getInstance("RSA");
        var priv = (java.security.interfaces.RSAPrivateCrtKey) rsa.generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(pemBody(privatePem)));
        var pub = (java.security.interfaces.RSAPublicKey) rsa.generatePublic(
                new java.security.spec.X509EncodedKeySpec(pemBody(publicPem)));
        assertThat(pub.getModulus()).as("public-key.pem is the public half of signing-key.pem").isEqualTo(priv.getModulus());
        assertThat(pub.getPublicExponent()).isEqualTo(priv.getPublicExponent());
        assertThat(pub.getModulus().bitLength()).as("RS256 key size").isGreaterThanOrEqualTo(2048);
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
        signer.initSign(priv);
        byte[] payload = "header.payload".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        signer.update(payload);
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pub);
        verifier.update(payload);
        assertThat(verifier.verify(signature)).isTrue();
        // Its own pair, not the test-only one the services' %test profiles trust.
        Path testKey = ROOT.resolve("test-support/src/main/resources/sitrep-test-auth/publicKey.pem");
        if (Files.isRegularFile(testKey)) {
            assertThat(pemBody(Files.readString(testKey))).isNotEqualTo(pemBody(publicPem));
        }
    }

    private static byte[] pemBody(String pem) {
        return java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    /** The wiring as it is meant to be, in every rendering (the generic check, authentication, explains any miss). */
    @Test
    void everyServiceVerifiesWithTheMountedPublicKeyAndOnlyTheCallersSign() {
        for (String rendering : RENDERINGS) {
            Rendered r = render(rendering);
            ManifestChecks c = checks(r);
            for (V1Deployment d : r.deployments()) {
                String svc = ManifestChecks.name(d);
                Map<String, ManifestChecks.EnvSource> env = c.environment(d);
                assertThat(env).as(rendering + " " + svc)
                        .containsKeys("SITREP_AUTH_PUBLIC_KEY_LOCATION", "SITREP_AUTH_ISSUER", "SITREP_CORS_ORIGINS");
                assertThat(env.get("SITREP_AUTH_PUBLIC_KEY_LOCATION").literal()).as(rendering + " " + svc)
                        .isEqualTo("/etc/sitrep/auth/public-key.pem");
                assertThat(env.get("SITREP_AUTH_ISSUER").literal()).as(rendering + " " + svc).isEqualTo("https://sitrep.local");
                assertThat(env.get("SITREP_CORS_ORIGINS").literal()).as(rendering + " " + svc + ": no origin by default").isEmpty();
                var spec = d.getSpec().getTemplate().getSpec();
                var auth = spec.getVolumes().stream().filter(v -> "auth".equals(v.getName())).findFirst().orElseThrow();
                assertThat(auth.getSecret().getSecretName()).isEqualTo(ManifestChecks.AUTH_SECRET);
                List<String> mounted = auth.getSecret().getItems().stream().map(i -> i.getKey()).toList();
                if (svc.equals(QUERY)) {
                    assertThat(env).as(rendering + " " + svc).doesNotContainKey("SITREP_AUTH_SIGNING_KEY_LOCATION");
                    assertThat(mounted).as(rendering + " " + svc + ": least privilege").containsExactly(ManifestChecks.AUTH_PUBLIC_KEY);
                } else {
                    assertThat(env).as(rendering + " " + svc).containsKey("SITREP_AUTH_SIGNING_KEY_LOCATION");
                    assertThat(env.get("SITREP_AUTH_SIGNING_KEY_LOCATION").literal()).as(rendering + " " + svc)
                            .isEqualTo("/etc/sitrep/auth/signing-key.pem");
                    assertThat(mounted).as(rendering + " " + svc)
                            .containsExactly(ManifestChecks.AUTH_PUBLIC_KEY, ManifestChecks.AUTH_SIGNING_KEY);
                }
                assertThat(spec.getContainers().get(0).getVolumeMounts()).anySatisfy(m -> {
                    assertThat(m.getName()).isEqualTo("auth");
                    assertThat(m.getMountPath()).isEqualTo("/etc/sitrep/auth");
                    assertThat(m.getReadOnly()).isTrue();
                });
            }
        }
    }

    @Test
    void prodUsesACnpgClusterAndNoPostgresStatefulSet() {
        Rendered r = render("prod");
        assertThat(r.statefulSets()).isEmpty();
        assertThat(r.custom(CnpgClusterCheck.KIND)).singleElement().satisfies(cluster -> {
            assertThat(CnpgClusterCheck.check(cluster)).isEmpty();
            assertThat(CnpgClusterCheck.at(cluster, "spec", "instances")).isEqualTo(3);
            assertThat(CnpgClusterCheck.at(cluster, "spec", "bootstrap", "initdb", "secret", "name"))
                    .isEqualTo(ManifestChecks.DB_SECRET);
            assertThat(CnpgClusterCheck.at(cluster, "spec", "bootstrap", "initdb", "database")).isEqualTo("sitrep");
            assertThat(CnpgClusterCheck.at(cluster, "spec", "backup", "barmanObjectStore", "destinationPath"))
                    .asString().contains("REPLACE-ME");
            assertThat(KustomizeRenderer.metadata(cluster).get("namespace")).isEqualTo("sitrep");
        });
        ManifestChecks c = checks(r);
        for (V1Deployment d : r.deployments()) {
            ManifestChecks.EnvSource url = c.environment(d).get("SITREP_DB_URL");
            assertThat(url.literal()).as(ManifestChecks.name(d)).isEqualTo("jdbc:postgresql://sitrep-db-rw:5432/sitrep");
            assertThat(url.configMap()).as("a plain value in the ConfigMap, not the Secret").isEqualTo(ManifestChecks.name(d));
            assertThat(d.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(c.environment(d).get("QUARKUS_LOG_CONSOLE_JSON").literal()).isEqualTo("true");
        }
        assertThat(r.hpas()).allSatisfy(h -> assertThat(h.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2));
        assertThat(c.maxConnections()).isEqualTo(200);
    }

    @Test
    void cnpgClusterCheckCatchesBrokenClusters() {
        Map<String, Object> good = KustomizeRenderer.deepCopy(render("prod").custom(CnpgClusterCheck.KIND).get(0));

        Map<String, Object> typo = KustomizeRenderer.deepCopy(good);
        Docs.map(typo, "spec").put("instance", 3);
        assertThat(CnpgClusterCheck.check(typo)).anyMatch(s -> s.contains("spec.instance: not a CloudNativePG field"));

        Map<String, Object> two = KustomizeRenderer.deepCopy(good);
        Docs.map(two, "spec").put("instances", "3");
        assertThat(CnpgClusterCheck.check(two)).anyMatch(s -> s.contains("spec.instances"));

        Map<String, Object> number = KustomizeRenderer.deepCopy(good);
        Docs.map(number, "spec", "postgresql", "parameters").put("max_connections", 200);
        assertThat(CnpgClusterCheck.check(number)).anyMatch(s -> s.contains("max_connections: must be a string"));

        Map<String, Object> size = KustomizeRenderer.deepCopy(good);
        Docs.map(size, "spec", "storage").put("size", "twenty gigs");
        assertThat(CnpgClusterCheck.check(size)).anyMatch(s -> s.contains("storage.size: not a quantity"));

        Map<String, Object> resources = KustomizeRenderer.deepCopy(good);
        Docs.map(resources, "spec", "resources", "limits").put("memroy", "2Gi");
        assertThat(CnpgClusterCheck.check(resources)).isEmpty(); // a map of quantities: any key is structurally fine
        Docs.map(resources, "spec", "resources").put("limit", Map.of());
        assertThat(CnpgClusterCheck.check(resources)).anyMatch(s -> s.contains("resources.limit: unknown field"));
    }

    @Test
    void overlayNamespacesAreCreatedAndEnforceTheRestrictedPodSecurityStandard() {
        for (String rendering : List.of("dev", "prod")) {
            Rendered r = render(rendering);
            String ns = checks(r).namespace();
            assertThat(r.namespaces()).as(rendering).singleElement().satisfies(n -> {
                assertThat(n.getMetadata().getName()).isEqualTo(ns);
                assertThat(n.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
            });
            for (Object o : r.typed) {
                var k = (io.kubernetes.client.common.KubernetesObject) o;
                if (!(k instanceof V1Namespace)) {
                    assertThat(k.getMetadata().getNamespace()).as(k.getKind() + " " + k.getMetadata().getName()).isEqualTo(ns);
                }
            }
        }
    }

    @Test
    void secretExampleIsNotAResourceAndDescribesTheRealSecrets() throws IOException {
        Path example = K8S.resolve("base/secret.example.yaml");
        String kustomization = Files.readString(K8S.resolve("base/kustomization.yaml"));
        assertThat(kustomization.lines().map(String::trim)).noneMatch(l -> l.startsWith("-") && l.contains("secret.example"));
        List<Object> loaded = Yaml.loadAll(example.toFile());
        assertThat(loaded).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOf(V1Secret.class));
        assertThat((V1Secret) loaded.get(0)).satisfies(s -> {
            assertThat(s.getMetadata().getName()).isEqualTo(ManifestChecks.DB_SECRET);
            assertThat(s.getType()).isEqualTo("kubernetes.io/basic-auth");
            assertThat(s.getStringData()).containsOnlyKeys(ManifestChecks.DB_SECRET_KEYS.values().toArray(String[]::new));
            assertThat(s.getStringData().get("password")).isEqualTo("REPLACE-ME");
        });
        assertThat((V1Secret) loaded.get(1)).satisfies(s -> {
            assertThat(s.getMetadata().getName()).isEqualTo(ManifestChecks.AUTH_SECRET);
            assertThat(s.getType()).isEqualTo("Opaque");
            assertThat(s.getStringData()).containsOnlyKeys(ManifestChecks.AUTH_PUBLIC_KEY, ManifestChecks.AUTH_SIGNING_KEY);
            assertThat(s.getStringData().values()).allSatisfy(v -> assertThat(v).contains("REPLACE-ME"));
        });
        // the commands it shows name the keys the manifests mount
        assertThat(Files.readString(example)).contains("create secret generic " + ManifestChecks.AUTH_SECRET,
                "--from-file=" + ManifestChecks.AUTH_PUBLIC_KEY, "--from-file=" + ManifestChecks.AUTH_SIGNING_KEY);
    }

    @Test
    void readmeDocumentsEveryVariableTheManifestsSet() throws IOException {
        String readme = Files.readString(ROOT.resolve("deploy/README.md"));
        Set<String> names = new TreeSet<>();
        for (String rendering : RENDERINGS) {
            ManifestChecks c = checks(render(rendering));
            render(rendering).deployments().forEach(d -> names.addAll(c.environment(d).keySet()));
        }
        assertThat(names).contains("SITREP_DB_URL", "QUARKUS_LOG_CONSOLE_JSON");
        assertThat(names).allSatisfy(n -> assertThat(readme).as("deploy/README.md mentions " + n).contains("`" + n + "`"));
    }

    /**
     * An allow-listed QUARKUS_* variable only acts when its extension is in the service. Skipped (not failed)
     * while it is missing, with the reason, since the manifests are right and the poms are not ours to change.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "entity-service", "query-service"})
    void quarkusVariablesHaveTheirExtension(String service) throws IOException {
        String pom = Files.readString(ROOT.resolve(service).resolve("pom.xml"));
        Set<String> needed = new TreeSet<>();
        for (String rendering : RENDERINGS) {
            Rendered r = render(rendering);
            ManifestChecks c = checks(r);
            c.environment(r.named(V1Deployment.class, service).orElseThrow()).keySet()
                    .forEach(n -> ServiceConfig.extensionFor(n).ifPresent(needed::add));
        }
        for (String ga : needed) {
            String artifactId = ga.substring(ga.indexOf(':') + 1);
            assumeTrue(pom.contains("<artifactId>" + artifactId + "</artifactId>"), service + "/pom.xml lacks " + ga
                    + ": the prod overlay's QUARKUS_LOG_CONSOLE_JSON=true has no effect until it is added");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "entity-service", "query-service"})
    void dockerfilesFollowTheQuarkusLayoutAndExposeTheManifestPort(String service) throws IOException {
        Path docker = ROOT.resolve(service).resolve("src/main/docker");
        String jvm = Files.readString(docker.resolve("Dockerfile.jvm"));
        String nat = Files.readString(docker.resolve("Dockerfile.native-micro"));
        int port = configs.get(service).httpPortDefault();
        assertThat(fromLines(jvm)).singleElement().asString().startsWith("registry.access.redhat.com/ubi9/openjdk-17-runtime:");
        assertThat(jvm).contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/",
                "COPY --chown=185 target/quarkus-app/*.jar /deployments/",
                "COPY --chown=185 target/quarkus-app/app/ /deployments/app/",
                "COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/",
                "USER 185", "EXPOSE " + port, "ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"",
                "ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]");
        assertThat(fromLines(nat)).containsExactly("quay.io/quarkus/quarkus-micro-image:2.0");
        assertThat(nat).contains("target/*-runner /work/application", "EXPOSE " + port, "USER 1001");
        V1Deployment d = render("base").named(V1Deployment.class, service).orElseThrow();
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort())
                .isEqualTo(port);
    }

    private static List<String> fromLines(String dockerfile) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    // ================================================================ the loader is strict

    /** The claim this module relies on: client-java itself rejects unknown fields and unconvertible values. */
    @Test
    void clientJavaRejectsUnknownFieldsAndWrongStructures() {
        assertThatThrownBy(() -> Yaml.loadAll("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: x
                  nmaespace: typo
                """)).hasMessageContaining("nmaespace");
        assertThatThrownBy(() -> Yaml.loadAll("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  replicas: two
                """)).isNotNull();
        assertThatThrownBy(() -> Yaml.loadAll("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: x
                spec:
                  containers:
                    - name: x
                      readinesProbe:
                        httpGet: {path: /q/health/ready, port: http}
                """)).hasMessageContaining("readinesProbe");
    }

    /** ...but it coerces scalars and does not know kinds from typos; StrictModelCheck closes that gap. */
    @Test
    void clientJavaCoercesScalarsSoTheStrictCheckCatchesThem() throws IOException {
        String coerced = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: x
                  labels:
                    enabled: true
                spec:
                  automountServiceAccountToken: "no"
                  containers:
                    - name: x
                      ports:
                        - containerPort: "8081"
                      env:
                        - name: SITREP_INGEST_PORT
                          value: 8081
                """;
        assertThat(Yaml.loadAll(coerced)).singleElement().isInstanceOf(V1Pod.class); // lenient
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) KustomizeRenderer.yaml().load(coerced);
        assertThat(StrictModelCheck.check(raw, V1Pod.class)).containsExactlyInAnyOrder(
                "Pod/x.metadata.labels[enabled]: expected a string, got Boolean true",
                "Pod/x.spec.automountServiceAccountToken: expected a boolean, got String no",
                "Pod/x.spec.containers[0].ports[0].containerPort: expected an integer, got String 8081",
                "Pod/x.spec.containers[0].env[0].value: expected a string, got Integer 8081");

        assertThat(Yaml.loadAll("apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: x\n")).hasSize(1); // lenient
        assertThatThrownBy(() -> Rendered.load("typo", List.of(new LinkedHashMap<>(Map.of(
                "apiVersion", "apps/v1", "kind", "Deploymnet", "metadata", new LinkedHashMap<>(Map.of("name", "x")))))))
                .hasMessageContaining("unknown apiVersion/kind apps/v1 Deploymnet");
    }

    @Test
    void aBrokenRenderedManifestFailsToLoad() {
        assertThatThrownBy(() -> broken("base", docs ->
                Docs.map(Docs.find(docs, "ConfigMap", QUERY), "data").put("SITREP_QUERY_PORT", 8083)))
                .hasMessageContaining("ConfigMap/query-service.data[SITREP_QUERY_PORT]: expected a string, got Integer 8083");
        assertThatThrownBy(() -> broken("base", docs ->
                Docs.container(Docs.find(docs, "Deployment", INGEST)).remove("name")))
                .hasMessageContaining("missing required field name of V1Container");
        assertThatThrownBy(() -> broken("dev", docs ->
                Docs.map(Docs.find(docs, "HorizontalPodAutoscaler", ENTITY), "spec").put("minReplica", 1)))
                .hasMessageContaining("unknown field of V2HorizontalPodAutoscalerSpec");
        assertThatThrownBy(() -> broken("prod", docs ->
                Docs.map(Docs.container(Docs.find(docs, "Deployment", ENTITY)), "resources", "limits").put("memory", "lots")))
                .hasMessageContaining("not a quantity");
    }

    // ================================================================ the checks can fail

    @Test
    void aWrongImageOrAnUnknownDeploymentIsCaught() {
        Rendered r = broken("base", docs -> {
            Docs.container(Docs.find(docs, "Deployment", QUERY)).put("image", "sitrep/query:latest");
            Map<String, Object> extra = KustomizeRenderer.deepCopy(Docs.find(docs, "Deployment", QUERY));
            KustomizeRenderer.metadata(extra).put("name", "search-service");
            docs.add(extra);
        });
        assertThat(checks(r).serviceDeployments()).containsExactlyInAnyOrder(
                "Deployment query-service: image sitrep/query:latest, expected sitrep/query-service:latest",
                "Deployment search-service is no Sitrep service (no module with its application.properties)");
    }

    @Test
    void aDroppedProbeIsCaught() {
        Rendered r = broken("dev", docs -> Docs.container(Docs.find(docs, "Deployment", QUERY)).remove("readinessProbe"));
        assertThat(checks(r).probes()).containsExactly("Deployment query-service readinessProbe: missing");
    }

    @Test
    void aWrongProbePathOrPortIsCaught() {
        Rendered r = broken("prod", docs -> {
            Map<String, Object> c = Docs.container(Docs.find(docs, "Deployment", INGEST));
            Docs.map(c, "livenessProbe", "httpGet").put("path", "/q/health");
            Docs.map(c, "startupProbe", "httpGet").put("port", 8080);
        });
        assertThat(checks(r).probes()).containsExactlyInAnyOrder(
                "Deployment ingest-service livenessProbe: path /q/health, expected /q/health/live",
                "Deployment ingest-service startupProbe: port 8080 is not a port of container ingest-service");
    }

    @Test
    void aShortEntityStartupBudgetIsCaught() {
        Rendered r = broken("base", docs -> Docs.map(Docs.container(Docs.find(docs, "Deployment", ENTITY)), "startupProbe")
                .put("failureThreshold", 6));
        assertThat(checks(r).probes()).singleElement().asString().contains("allows 60 s");
    }

    @Test
    void aBrokenServiceSelectorIsCaught() {
        Rendered r = broken("base", docs -> Docs.map(Docs.find(docs, "Service", ENTITY), "spec", "selector")
                .put(ManifestChecks.NAME, "entities-service"));
        assertThat(checks(r).services()).anyMatch(s -> s.startsWith("Service entity-service: selector")
                && s.endsWith("matches no pod template"));
    }

    @Test
    void aServiceTargetPortThatIsNoContainerPortIsCaught() {
        Rendered r = broken("base", docs -> Docs.map(Docs.find(docs, "Service", INGEST), "spec", "ports", 0)
                .put("targetPort", 8080));
        assertThat(checks(r).services()).contains(
                "Service ingest-service port 80: targetPort 8080 is no container port of Deployment ingest-service",
                "Service ingest-service: expected port 80 named http with targetPort http");
    }

    @Test
    void insecureContainersAreCaught() {
        Rendered r = broken("prod", docs -> {
            Map<String, Object> c = Docs.container(Docs.find(docs, "Deployment", ENTITY));
            Docs.map(c, "securityContext").put("readOnlyRootFilesystem", false);
            Docs.map(c, "securityContext", "capabilities").put("drop", List.of("NET_RAW"));
            Docs.map(Docs.find(docs, "Deployment", ENTITY), "spec", "template", "spec", "securityContext").put("runAsUser", 0);
            Docs.map(c, "securityContext").remove("runAsUser");
            Docs.list(c, "volumeMounts").clear();
        });
        assertThat(checks(r).securityContexts()).containsExactlyInAnyOrder(
                "Deployment entity-service container entity-service: pod runAsUser must be 185 (the Quarkus ubi image user)",
                "Deployment entity-service container entity-service: runAsUser must be 185",
                "Deployment entity-service container entity-service: needs a non-zero runAsUser",
                "Deployment entity-service container entity-service: readOnlyRootFilesystem must be true",
                "Deployment entity-service container entity-service: capabilities must drop ALL",
                "Deployment entity-service container entity-service: needs an emptyDir at /tmp (the root filesystem is read-only)");
    }

    @Test
    void missingResourcesAreCaught() {
        Rendered r = broken("dev", docs -> {
            Docs.map(Docs.container(Docs.find(docs, "StatefulSet", "postgres")), "resources").remove("limits");
            Docs.map(Docs.container(Docs.find(docs, "Deployment", QUERY)), "resources", "requests").put("memory", "1Gi");
        });
        assertThat(checks(r).resources()).containsExactlyInAnyOrder(
                "Deployment query-service container query-service: memory request 1Gi above its limit 512Mi",
                "StatefulSet postgres container postgres: no cpu limit",
                "StatefulSet postgres container postgres: no memory limit");
    }

    @Test
    void variablesTheServiceDoesNotReadAreCaught() {
        Rendered r = broken("prod", docs -> {
            Map<String, Object> data = Docs.map(Docs.find(docs, "ConfigMap", QUERY), "data");
            data.put("SITREP_QUERY_MAX_RESULTS", "50");             // no such ${VAR} in query-service
            data.put("QUARKUS_LOG_CONSOL_JSON", "true");            // typo
            data.put("SITREP_ENTITY_SERVICE_URL", "http://entity-service"); // ingest-service's, not query-service's
            data.put("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE", "1M");    // a real key of its application.properties: fine
        });
        List<String> problems = checks(r).environmentVariables();
        assertThat(problems).hasSize(3);
        assertThat(problems).anyMatch(s -> s.contains("SITREP_QUERY_MAX_RESULTS is not referenced"))
                .anyMatch(s -> s.contains("QUARKUS_LOG_CONSOL_JSON (quarkus.log.consol.json) matches no key"))
                .anyMatch(s -> s.contains("SITREP_ENTITY_SERVICE_URL is not referenced"));
    }

    @Test
    void portMismatchesAndMisplacedCredentialsAreCaught() {
        Rendered r = broken("base", docs -> {
            Docs.map(Docs.find(docs, "ConfigMap", INGEST), "data").put("SITREP_INGEST_PORT", "9000");
            Map<String, Object> c = Docs.container(Docs.find(docs, "Deployment", ENTITY));
            List<Object> env = Docs.list(c, "env");
            env.remove(2); // SITREP_DB_PASSWORD from the Secret
            env.add(new LinkedHashMap<>(Map.of("name", "SITREP_DB_PASSWORD", "value", "hunter2")));
            Docs.map(Docs.find(docs, "ConfigMap", ENTITY), "data").put("SITREP_QUERY_SERVICE_URL", "http://query:8083");
        });
        assertThat(checks(r).environmentVariables()).containsExactlyInAnyOrder(
                "Deployment ingest-service: SITREP_INGEST_PORT=9000 but containerPort is 8081",
                "Deployment entity-service: SITREP_DB_PASSWORD must come from Secret sitrep-db (secretKeyRef)",
                "Deployment entity-service SITREP_QUERY_SERVICE_URL: http://query:8083 names no Service");
    }

    @Test
    void aMissingRequiredVariableIsCaught() {
        // prod moves SITREP_DB_URL into the ConfigMap; without it nothing sets the variable.
        Rendered r = broken("prod", docs -> Docs.map(Docs.find(docs, "ConfigMap", ENTITY), "data").remove("SITREP_DB_URL"));
        assertThat(checks(r).environmentVariables()).containsExactly(
                "Deployment entity-service: SITREP_DB_URL has no default in application.properties and is not set");
    }

    @Test
    void aDatabaseUrlToNowhereIsCaught() {
        Rendered r = broken("prod", docs -> Docs.map(Docs.find(docs, "ConfigMap", INGEST), "data")
                .put("SITREP_DB_URL", "jdbc:postgresql://sitrep-db-rw:5433/sitrep"));
        assertThat(checks(r).databaseUrls()).containsExactly("Deployment ingest-service: SITREP_DB_URL host sitrep-db-rw:5433"
                + " is neither a Service port nor a CloudNativePG -rw service of this rendering");
    }

    @Test
    void autoscalerAndBudgetTargetingMistakesAreCaught() {
        Rendered r = broken("base", docs -> {
            Docs.map(Docs.find(docs, "HorizontalPodAutoscaler", QUERY), "spec", "scaleTargetRef").put("name", "query");
            Docs.map(Docs.find(docs, "PodDisruptionBudget", INGEST), "spec", "selector", "matchLabels")
                    .remove(ManifestChecks.NAME);
        });
        ManifestChecks c = checks(r);
        assertThat(c.autoscalers()).containsExactlyInAnyOrder(
                "HorizontalPodAutoscaler query-service: scaleTargetRef apps/v1 Deployment query names no Deployment",
                "Deployment query-service: no HorizontalPodAutoscaler");
        assertThat(c.disruptionBudgets()).anyMatch(s -> s.startsWith("PodDisruptionBudget ingest-service: selector must match"
                + " exactly one Deployment's pods"));
    }

    @Test
    void anIngressBackendThatDoesNotExistIsCaught() {
        Rendered r = broken("prod", docs -> {
            List<Object> paths = Docs.list(Docs.find(docs, "Ingress", "sitrep"), "spec", "rules", 0, "http", "paths");
            Docs.map(paths.get(0), "backend", "service", "port").put("name", "https");
            Docs.map(paths.get(2), "backend", "service").put("name", "search-service");
        });
        assertThat(checks(r).ingresses()).containsExactlyInAnyOrder(
                "Ingress sitrep path /api/v1/articles: Service ingest-service has no port https",
                "Ingress sitrep path /api/v1/search: backend Service search-service does not exist");
    }

    @Test
    void aSecretWithValuesOutsideDevIsCaught() {
        Rendered r = broken("prod", docs -> docs.add(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", new LinkedHashMap<>(Map.of("name", "sitrep-db", "namespace", "sitrep",
                        "labels", Map.of(ManifestChecks.PART_OF, "sitrep"))),
                "stringData", Map.of("username", "sitrep", "password", "real-looking")))));
        assertThat(checks(r).secrets()).containsExactly(
                "Secret sitrep-db carries values without the sitrep.io/fake-dev-credentials marker");
    }

    @Test
    void tooManyConnectionsAreCaught() {
        Rendered r = broken("prod", docs -> Docs.map(Docs.find(docs, "ConfigMap", ENTITY), "data").put("SITREP_DB_POOL_MAX", "20"));
        assertThat(checks(r).connectionBudget()).singleElement().asString()
                .contains("entity-service (4+1)x20").contains("= 212 exceed max_connections 200 - 10 headroom");
    }

    @Test
    void anExtraOrMissingNetworkFlowIsCaught() {
        // entity-service opened to the whole namespace
        Rendered open = broken("dev", docs -> Docs.list(Docs.find(docs, "NetworkPolicy", "entity-service-ingress"),
                "spec", "ingress").add(new LinkedHashMap<>(Map.of("from", List.of(Map.of("podSelector", Map.of()))))));
        Set<String> flows = NetworkFlows.allowed(open.networkPolicies(), endpoints(checks(open)));
        assertThat(flows).contains("neighbour -> entity-service:8082/TCP")
                .doesNotContain("ingress-controller -> entity-service:8082/TCP") // other namespace: still out
                .isNotEqualTo(expectedFlows("dev"));
        // the callback entity -> ingest forgotten
        Rendered closed = broken("dev", docs -> Docs.list(Docs.find(docs, "NetworkPolicy", "entity-service-egress"),
                "spec", "egress").remove(1));
        assertThat(NetworkFlows.allowed(closed.networkPolicies(), endpoints(checks(closed))))
                .doesNotContain("entity-service -> ingest-service:8081/TCP")
                .isNotEqualTo(expectedFlows("dev"));
        // query-service's ingress policy lost: the default deny shuts out the public API
        Rendered lost = broken("prod", docs -> docs.remove(Docs.find(docs, "NetworkPolicy", "query-service-ingress")));
        assertThat(NetworkFlows.allowed(lost.networkPolicies(), endpoints(checks(lost))))
                .doesNotContain("ingress-controller -> query-service:8083/TCP");
        // ...and without the default deny as well, query-service is open to every pod
        Rendered open2 = broken("prod", docs -> {
            docs.remove(Docs.find(docs, "NetworkPolicy", "query-service-ingress"));
            docs.remove(Docs.find(docs, "NetworkPolicy", "sitrep-default-deny"));
        });
        assertThat(NetworkFlows.allowed(open2.networkPolicies(), endpoints(checks(open2))))
                .contains("neighbour -> query-service:8083/TCP", "other-namespace -> query-service:8083/TCP",
                        "ingress-controller -> query-service:8083/TCP");
    }

    @Test
    void aNetworkPolicySelectorThatSelectsNothingIsCaught() {
        Rendered r = broken("prod", docs -> {
            Docs.map(Docs.find(docs, "NetworkPolicy", "ingest-service-egress"), "spec", "egress", 0, "to", 0, "podSelector",
                    "matchLabels").put(ManifestChecks.NAME, "entity");
            Docs.map(Docs.find(docs, "NetworkPolicy", "query-service-ingress"), "spec", "ingress", 0, "ports", 0).put("port", 8080);
        });
        assertThat(checks(r).networkPolicySelectors()).containsExactlyInAnyOrder(
                "NetworkPolicy ingest-service-egress egress: peer podSelector {app.kubernetes.io/name=entity,"
                        + " app.kubernetes.io/part-of=sitrep} selects no pod of this rendering",
                "NetworkPolicy query-service-ingress: ingress port 8080 is no container port of query-service");
    }

    @Test
    void aLabelMissingFromAnObjectIsCaught() {
        Rendered r = broken("base", docs -> KustomizeRenderer.metadata(Docs.find(docs, "ConfigMap", ENTITY)).remove("labels"));
        assertThat(checks(r).labels()).containsExactlyInAnyOrder(
                "ConfigMap entity-service: missing label app.kubernetes.io/part-of=sitrep",
                "ConfigMap entity-service: missing label app.kubernetes.io/name=entity-service");
    }

    @Test
    void anOrphanConfigMapIsCaught() {
        Rendered r = broken("base", docs -> Docs.container(Docs.find(docs, "Deployment", QUERY)).remove("envFrom"));
        assertThat(checks(r).environmentVariables()).contains(
                "ConfigMap query-service is used by no Deployment (its keys would go unchecked)");
    }

    // ---------------------------------------------------------------- authentication can fail

    /** The volume "auth" of a Deployment document. */
    static Map<String, Object> authVolume(Map<String, Object> deployment) {
        return Docs.list(deployment, "spec", "template", "spec", "volumes").stream().map(v -> Docs.map(v))
                .filter(v -> "auth".equals(v.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void missingAuthVariablesAreCaught() {
        Rendered r = broken("prod", docs -> {
            Docs.map(Docs.find(docs, "ConfigMap", INGEST), "data").remove("SITREP_AUTH_PUBLIC_KEY_LOCATION");
            Docs.map(Docs.find(docs, "ConfigMap", ENTITY), "data").remove("SITREP_AUTH_SIGNING_KEY_LOCATION");
            Docs.map(Docs.find(docs, "ConfigMap", QUERY), "data").remove("SITREP_CORS_ORIGINS");
            Docs.map(Docs.find(docs, "ConfigMap", QUERY), "data").remove("SITREP_AUTH_ISSUER");
        });
        assertThat(checks(r).authentication()).containsExactlyInAnyOrder(
                "Deployment ingest-service: SITREP_AUTH_PUBLIC_KEY_LOCATION (mp.jwt.verify.publickey.location) is not set",
                "Deployment ingest-service: gets key public-key.pem of Secret sitrep-auth at /etc/sitrep/auth/public-key.pem,"
                        + " which no SITREP_AUTH_* variable points at (mount only what it reads)",
                "Deployment entity-service: SITREP_AUTH_SIGNING_KEY_LOCATION (smallrye.jwt.sign.key.location) is not set",
                "Deployment entity-service: gets key signing-key.pem of Secret sitrep-auth at /etc/sitrep/auth/signing-key.pem,"
                        + " which no SITREP_AUTH_* variable points at (mount only what it reads)",
                "Deployment query-service: SITREP_AUTH_ISSUER (mp.jwt.verify.issuer) is not set",
                "Deployment query-service: SITREP_CORS_ORIGINS (quarkus.http.cors.origins) is not set");
        // an empty key location is as good as none: the service refuses to start
        Rendered empty = broken("dev", docs -> Docs.map(Docs.find(docs, "ConfigMap", QUERY), "data")
                .put("SITREP_AUTH_PUBLIC_KEY_LOCATION", ""));
        assertThat(checks(empty).authentication()).contains("Deployment query-service: SITREP_AUTH_PUBLIC_KEY_LOCATION is empty");
    }

    @Test
    void aMissingMountIsCaught() {
        Rendered r = broken("dev", docs -> {
            Docs.list(Docs.container(Docs.find(docs, "Deployment", INGEST)), "volumeMounts").removeIf(m -> "auth".equals(Docs.map(m).get("name")));
            Docs.list(Docs.find(docs, "Deployment", QUERY), "spec", "template", "spec", "volumes")
                    .removeIf(v -> "auth".equals(Docs.map(v).get("name")));
        });
        assertThat(checks(r).authentication()).containsExactlyInAnyOrder(
                "Deployment ingest-service: SITREP_AUTH_PUBLIC_KEY_LOCATION /etc/sitrep/auth/public-key.pem is on no volume mount"
                        + " of container ingest-service (mount Secret sitrep-auth there)",
                "Deployment ingest-service: SITREP_AUTH_SIGNING_KEY_LOCATION /etc/sitrep/auth/signing-key.pem is on no volume"
                        + " mount of container ingest-service (mount Secret sitrep-auth there)",
                "Deployment query-service: volumeMount auth names no volume",
                "Deployment query-service: SITREP_AUTH_PUBLIC_KEY_LOCATION /etc/sitrep/auth/public-key.pem is on volume auth,"
                        + " which is not Secret sitrep-auth");
    }

    @Test
    void aLocationThatIsNotTheMountedFileIsCaught() {
        Rendered r = broken("base", docs -> {
            Docs.map(Docs.find(docs, "ConfigMap", INGEST), "data").put("SITREP_AUTH_PUBLIC_KEY_LOCATION", "/etc/sitrep/auth/public.pem");
            Docs.map(Docs.container(Docs.find(docs, "Deployment", QUERY)), "volumeMounts", 1).put("mountPath", "/etc/sitrep/keys");
            // the two keys swapped: the service would "verify" with its private key and sign with the public one
            Map<String, Object> data = Docs.map(Docs.find(docs, "ConfigMap", ENTITY), "data");
            data.put("SITREP_AUTH_PUBLIC_KEY_LOCATION", "/etc/sitrep/auth/signing-key.pem");
            data.put("SITREP_AUTH_SIGNING_KEY_LOCATION", "/etc/sitrep/auth/public-key.pem");
        });
        assertThat(checks(r).authentication()).containsExactlyInAnyOrder(
                "Deployment ingest-service: SITREP_AUTH_PUBLIC_KEY_LOCATION /etc/sitrep/auth/public.pem: no item of volume auth"
                        + " (Secret sitrep-auth) is at public.pem (items: [public-key.pem, signing-key.pem])",
                "Deployment ingest-service: gets key public-key.pem of Secret sitrep-auth at /etc/sitrep/auth/public-key.pem,"
                        + " which no SITREP_AUTH_* variable points at (mount only what it reads)",
                "Deployment entity-service: SITREP_AUTH_PUBLIC_KEY_LOCATION /etc/sitrep/auth/signing-key.pem is key"
                        + " signing-key.pem of Secret sitrep-auth, expected public-key.pem",
                "Deployment entity-service: SITREP_AUTH_SIGNING_KEY_LOCATION /etc/sitrep/auth/public-key.pem is key"
                        + " public-key.pem of Secret sitrep-auth, expected signing-key.pem",
                "Deployment query-service: SITREP_AUTH_PUBLIC_KEY_LOCATION /etc/sitrep/auth/public-key.pem is on no volume"
                        + " mount of container query-service (mount Secret sitrep-auth there)",
                "Deployment query-service: gets key public-key.pem of Secret sitrep-auth at /etc/sitrep/keys/public-key.pem,"
                        + " which no SITREP_AUTH_* variable points at (mount only what it reads)");
        // in dev the Secret is rendered too: a key it does not have is caught
        Rendered dev = broken("dev", docs -> {
            Docs.map(Docs.find(docs, "Secret", ManifestChecks.AUTH_SECRET), "stringData").remove(ManifestChecks.AUTH_PUBLIC_KEY);
        });
        assertThat(checks(dev).authentication()).hasSize(3).allSatisfy(s -> assertThat(s)
                .endsWith(": Secret sitrep-auth has no key public-key.pem (it has [signing-key.pem])"));
    }

    @Test
    void queryServiceGettingThePrivateKeyIsCaught() {
        Rendered item = broken("prod", docs -> Docs.list(authVolume(Docs.find(docs, "Deployment", QUERY)), "secret", "items")
                .add(new LinkedHashMap<>(Map.of("key", "signing-key.pem", "path", "signing-key.pem"))));
        assertThat(checks(item).authentication()).containsExactly(
                "Deployment query-service: gets the private signing key signing-key.pem of Secret sitrep-auth (at"
                        + " /etc/sitrep/auth/signing-key.pem) but signs no tokens (least privilege: mount only public-key.pem)");
        // the whole Secret (no items) gives it the private key as well
        Rendered whole = broken("base", docs -> Docs.map(authVolume(Docs.find(docs, "Deployment", QUERY)), "secret").remove("items"));
        assertThat(checks(whole).authentication()).containsExactlyInAnyOrder(
                "Deployment query-service: volume auth (Secret sitrep-auth) mounts every key of the Secret; list only the"
                        + " keys the service reads (items)",
                "Deployment query-service: gets the private signing key signing-key.pem of Secret sitrep-auth (at"
                        + " /etc/sitrep/auth/signing-key.pem) but signs no tokens (least privilege: mount only public-key.pem)");
        // in dev, where the Secret is rendered, a private key is recognised by its content under any key name
        Rendered renamed = broken("dev", docs -> {
            Map<String, Object> data = Docs.map(Docs.find(docs, "Secret", ManifestChecks.AUTH_SECRET), "stringData");
            data.put("extra.pem", data.get(ManifestChecks.AUTH_SIGNING_KEY));
            Docs.list(authVolume(Docs.find(docs, "Deployment", QUERY)), "secret", "items")
                    .add(new LinkedHashMap<>(Map.of("key", "extra.pem", "path", "extra.pem")));
        });
        assertThat(checks(renamed).authentication()).containsExactly(
                "Deployment query-service: gets the private signing key extra.pem of Secret sitrep-auth (at"
                        + " /etc/sitrep/auth/extra.pem) but signs no tokens (least privilege: mount only public-key.pem)");
        // ...and a signing key location for it is no variable it reads
        Rendered variable = broken("base", docs -> Docs.map(Docs.find(docs, "ConfigMap", QUERY), "data")
                .put("SITREP_AUTH_SIGNING_KEY_LOCATION", "/etc/sitrep/auth/signing-key.pem"));
        assertThat(checks(variable).environmentVariables()).singleElement().asString()
                .contains("SITREP_AUTH_SIGNING_KEY_LOCATION is not referenced");
    }

    @Test
    void unsafeOrUnreadableMountsAreCaught() {
        Rendered r = broken("prod", docs -> {
            Map<String, Object> ingest = Docs.find(docs, "Deployment", INGEST);
            Docs.map(Docs.container(ingest), "volumeMounts", 1).remove("readOnly");
            Docs.map(authVolume(ingest), "secret").put("optional", true);
            Map<String, Object> entity = Docs.find(docs, "Deployment", ENTITY);
            Docs.map(entity, "spec", "template", "spec", "securityContext").remove("fsGroup"); // 0440 root:root
            Docs.map(authVolume(Docs.find(docs, "Deployment", QUERY)), "secret").put("defaultMode", 0400);
        });
        assertThat(checks(r).authentication()).containsExactlyInAnyOrder(
                "Deployment ingest-service: volume auth (Secret sitrep-auth) must be mounted readOnly: true",
                "Deployment ingest-service: volume auth (Secret sitrep-auth) must not be optional (the service refuses to"
                        + " start without its keys)",
                "Deployment entity-service: /etc/sitrep/auth/public-key.pem has mode 0440: user 185 cannot read it (the file"
                        + " is root's; give group read and a pod fsGroup, or others read)",
                "Deployment entity-service: /etc/sitrep/auth/signing-key.pem has mode 0440: user 185 cannot read it (the"
                        + " file is root's; give group read and a pod fsGroup, or others read)",
                "Deployment query-service: /etc/sitrep/auth/public-key.pem has mode 0400: user 185 cannot read it (the file"
                        + " is root's; give group read and a pod fsGroup, or others read)");
    }

    @Test
    void badKeyLocationsAndDifferentIssuersAreCaught() {
        Rendered r = broken("base", docs -> {
            Docs.map(Docs.find(docs, "ConfigMap", INGEST), "data").put("SITREP_AUTH_ISSUER", "https://sso.example/realms/sitrep");
            Map<String, Object> query = Docs.map(Docs.find(docs, "ConfigMap", QUERY), "data");
            query.put("SITREP_AUTH_PUBLIC_KEY_LOCATION", "http://keycloak/realms/sitrep/protocol/openid-connect/certs");
            Map<String, Object> entity = Docs.map(Docs.find(docs, "ConfigMap", ENTITY), "data");
            entity.put("SITREP_AUTH_PUBLIC_KEY_LOCATION", "classpath:publicKey.pem");
            entity.put("SITREP_AUTH_SIGNING_KEY_LOCATION", "https://vault.example/signing-key.pem");
        });
        List<String> problems = checks(r).authentication();
        assertThat(problems).contains(
                "Deployment query-service: SITREP_AUTH_PUBLIC_KEY_LOCATION"
                        + " http://keycloak/realms/sitrep/protocol/openid-connect/certs: keys fetched over plain HTTP can be"
                        + " replaced on the way; use https",
                "Deployment entity-service: SITREP_AUTH_PUBLIC_KEY_LOCATION classpath:publicKey.pem: keys come from Secret"
                        + " sitrep-auth, never from the image",
                "Deployment entity-service: SITREP_AUTH_SIGNING_KEY_LOCATION https://vault.example/signing-key.pem: the"
                        + " signing key must be a file from Secret sitrep-auth",
                "the services expect different token issuers {https://sso.example/realms/sitrep=[ingest-service],"
                        + " https://sitrep.local=[entity-service, query-service]}: a service's own tokens would be refused by"
                        + " the others (set the same SITREP_AUTH_ISSUER everywhere)");
        // An https JWKS (an identity provider) needs no file: then mounting public-key.pem is pointless, and flagged.
        Rendered jwks = broken("prod", docs -> Docs.map(Docs.find(docs, "ConfigMap", QUERY), "data")
                .put("SITREP_AUTH_PUBLIC_KEY_LOCATION", "https://sso.example/realms/sitrep/protocol/openid-connect/certs"));
        assertThat(checks(jwks).authentication()).containsExactly(
                "Deployment query-service: gets key public-key.pem of Secret sitrep-auth at /etc/sitrep/auth/public-key.pem,"
                        + " which no SITREP_AUTH_* variable points at (mount only what it reads)");
        Rendered jwksOnly = broken("prod", docs -> {
            Docs.map(Docs.find(docs, "ConfigMap", QUERY), "data")
                    .put("SITREP_AUTH_PUBLIC_KEY_LOCATION", "https://sso.example/realms/sitrep/protocol/openid-connect/certs");
            Map<String, Object> spec = Docs.map(Docs.find(docs, "Deployment", QUERY), "spec", "template", "spec");
            Docs.list(spec, "volumes").removeIf(v -> "auth".equals(Docs.map(v).get("name")));
            Docs.list(Docs.container(Docs.find(docs, "Deployment", QUERY)), "volumeMounts").removeIf(m -> "auth".equals(Docs.map(m).get("name")));
        });
        assertThat(checks(jwksOnly).authentication()).isEmpty();
    }

    @Test
    void fakeOrMisplacedKeyMaterialIsCaught() {
        // a Secret marked fake, in prod
        Rendered prod = broken("prod", docs -> {
            Map<String, Object> fake = KustomizeRenderer.deepCopy(Docs.find(KustomizeRenderer.render(dir("dev")), "Secret",
                    ManifestChecks.AUTH_SECRET));
            KustomizeRenderer.metadata(fake).put("namespace", "sitrep");
            docs.add(fake);
            // and the private key pasted into a ConfigMap
            Docs.map(Docs.find(docs, "ConfigMap", ENTITY), "data").put("SITREP_AUTH_SIGNING_KEY_LOCATION",
                    Docs.map(fake, "stringData").get(ManifestChecks.AUTH_SIGNING_KEY));
        });
        assertThat(checks(prod).secrets()).containsExactlyInAnyOrder(
                "Secret sitrep-auth is marked sitrep.io/fake-dev-credentials but lands in namespace sitrep: fake"
                        + " credentials belong to the dev overlay (sitrep-dev) only",
                "ConfigMap entity-service holds a private key: keys belong in Secret sitrep-auth");
        // the dev key pair without its marker
        Rendered dev = broken("dev", docs -> KustomizeRenderer.metadata(Docs.find(docs, "Secret", ManifestChecks.AUTH_SECRET))
                .remove("annotations"));
        assertThat(checks(dev).secrets()).containsExactly(
                "Secret sitrep-auth carries values without the sitrep.io/fake-dev-credentials marker");
    }

    @Test
    void committedKeyMaterialOutsideTheDevOverlayIsCaught(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path k8s = tmp.resolve("k8s");
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path f : files.toList()) {
                Path target = k8s.resolve(K8S.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        assertThat(CommittedSecrets.check(k8s)).isEmpty();
        Path devSecret = k8s.resolve("overlays/dev/dev-auth-secret.yaml");
        String dev = Files.readString(devSecret);
        // copied into prod (not even listed in its kustomization), base64-encoded in base, unmarked in dev
        Files.writeString(k8s.resolve("overlays/prod/auth-secret.yaml"), dev.replace("FAKE, DEV-ONLY", "REAL"));
        String pem = ((Map<?, ?>) ((Map<?, ?>) KustomizeRenderer.yaml().load(dev)).get("stringData"))
                .get(ManifestChecks.AUTH_SIGNING_KEY).toString();
        Files.writeString(k8s.resolve("base/keys.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\nbinaryData:\n"
                + "  key: " + java.util.Base64.getEncoder().encodeToString(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) + "\n");
        Files.writeString(devSecret, dev.replace("    sitrep.io/fake-dev-credentials: \"true\"\n", "    note: real\n"));
        Files.writeString(k8s.resolve("base/secret.example.yaml"), Files.readString(k8s.resolve("base/secret.example.yaml"))
                .replace("  password: REPLACE-ME\n", "  password: hunter2\n"));
        assertThat(CommittedSecrets.check(k8s)).containsExactlyInAnyOrder(
                "base/keys.yaml: holds a private key outside overlays/dev/ (create Secret sitrep-auth by hand, deploy/README.md)",
                "base/secret.example.yaml: Secret sitrep-db key password is an example but holds no REPLACE-ME placeholder",
                "overlays/dev/dev-auth-secret.yaml: Secret sitrep-auth holds a private key but is no Secret marked"
                        + " sitrep.io/fake-dev-credentials: \"true\"",
                "overlays/dev/dev-auth-secret.yaml: Secret sitrep-auth has values but lacks sitrep.io/fake-dev-credentials:"
                        + " \"true\" (and the FAKE, DEV-ONLY warning)",
                "overlays/prod/auth-secret.yaml: holds a private key outside overlays/dev/ (create Secret sitrep-auth by hand,"
                        + " deploy/README.md)",
                "overlays/prod/auth-secret.yaml: Secret sitrep-auth is committed with values outside overlays/dev/ (create it"
                        + " by hand, deploy/README.md)");
    }
}
