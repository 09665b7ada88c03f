package io.sitrep.deploy;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Offline validation of the CloudNativePG {@code Cluster} (postgresql.cnpg.io/v1), which client-java's
 * Yaml cannot load (it knows no custom resources). This is not the CRD's OpenAPI schema: it checks
 * apiVersion/kind/name, the fields deploy/k8s relies on, their types, and that every key used is a real
 * CNPG field name (from the CloudNativePG API reference), so a typo fails here rather than on the cluster.
 * Unverified against a live API server.
 */
final class CnpgClusterCheck {

    static final String API_VERSION = "postgresql.cnpg.io/v1";
    static final String KIND = "Cluster";

    /** A subset of ClusterSpec's fields: the common ones, including all that deploy/k8s uses. */
    private static final Set<String> SPEC_FIELDS = Set.of("description", "inheritedMetadata", "imageName",
            "imageCatalogRef", "imagePullPolicy", "imagePullSecrets", "schedulerName", "postgresUID", "postgresGID",
            "instances", "minSyncReplicas", "maxSyncReplicas", "postgresql", "replicationSlots", "bootstrap",
            "replica", "superuserSecret", "enableSuperuserAccess", "certificates", "storage", "walStorage",
            "tablespaces", "serviceAccountTemplate", "startDelay", "stopDelay", "smartShutdownTimeout",
            "switchoverDelay", "failoverDelay", "livenessProbeTimeout", "affinity", "topologySpreadConstraints",
            "resources", "ephemeralVolumeSource", "ephemeralVolumesSizeLimit", "priorityClassName",
            "primaryUpdateStrategy", "primaryUpdateMethod", "backup", "nodeMaintenanceWindow", "monitoring",
            "externalClusters", "logLevel", "projectedVolumeTemplate", "env", "envFrom", "managed", "seccompProfile",
            "podSecurityContext", "securityContext", "plugins", "probes");
    private static final Set<String> POSTGRESQL_FIELDS = Set.of("parameters", "synchronous", "pg_hba", "pg_ident",
            "syncReplicaElectionConstraint", "shared_preload_libraries", "ldap", "promotionTimeout",
            "enableAlterSystem", "extensions");
    private static final Set<String> INITDB_FIELDS = Set.of("database", "owner", "secret", "options", "dataChecksums",
            "encoding", "localeCollate", "localeCType", "locale", "localeProvider", "icuLocale", "icuRules",
            "builtinLocale", "walSegmentSize", "postInitSQL", "postInitApplicationSQL", "postInitTemplateSQL",
            "import", "postInitApplicationSQLRefs", "postInitSQLRefs", "postInitTemplateSQLRefs");
    private static final Set<String> STORAGE_FIELDS = Set.of("storageClass", "size", "resizeInUseVolumes",
            "pvcTemplate");
    private static final Set<String> AFFINITY_FIELDS = Set.of("enablePodAntiAffinity", "topologyKey", "nodeSelector",
            "nodeAffinity", "tolerations", "podAntiAffinityType", "additionalPodAntiAffinity",
            "additionalPodAffinity");
    private static final Set<String> BACKUP_FIELDS = Set.of("volumeSnapshot", "barmanObjectStore", "retentionPolicy",
            "target");
    private static final Set<String> OBJECT_STORE_FIELDS = Set.of("destinationPath", "endpointURL", "endpointCA",
            "s3Credentials", "azureCredentials", "googleCredentials", "serverName", "wal", "data", "tags",
            "historyTags");
    private static final Set<String> S3_FIELDS = Set.of("accessKeyId", "secretAccessKey", "region", "sessionToken",
            "inheritFromIAMRole");
    private static final Set<String> WAL_FIELDS = Set.of("compression", "encryption", "maxParallel",
            "archiveAdditionalCommandArgs", "restoreAdditionalCommandArgs");
    private static final Set<String> DATA_FIELDS = Set.of("compression", "encryption", "jobs", "immediateCheckpoint",
            "additionalCommandArgs");
    private static final Set<String> COMPRESSIONS = Set.of("gzip", "bzip2", "snappy");
    private static final Pattern RETENTION = Pattern.compile("^[1-9][0-9]*[dwm]$");
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");

    private CnpgClusterCheck() {
    }

    static List<String> check(Map<String, Object> cluster) {
        List<String> p = new ArrayList<>();
        String name = String.valueOf(KustomizeRenderer.metadata(cluster).get("name"));
        String at = KIND + "/" + name;
        if (!API_VERSION.equals(cluster.get("apiVersion")) || !KIND.equals(cluster.get("kind"))) {
            p.add(at + ": expected " + API_VERSION + " " + KIND);
        }
        if (!DNS_LABEL.matcher(name).matches() || name.length() > 50) {
            p.add(at + ": metadata.name must be a short DNS label (services " + name + "-rw etc. derive from it)");
        }
        for (String k : cluster.keySet()) {
            if (!Set.of("apiVersion", "kind", "metadata", "spec").contains(k)) {
                p.add(at + ": unknown top-level field " + k);
            }
        }
        Map<String, Object> spec = map(cluster.get("spec"), at + ".spec", p);
        if (spec == null) {
            return p;
        }
        keys(spec, SPEC_FIELDS, at + ".spec", p);
        if (!(spec.get("instances") instanceof Integer n) || n < 3) {
            p.add(at + ".spec.instances: expected an integer >= 3, got " + spec.get("instances"));
        }
        if (spec.containsKey("primaryUpdateStrategy")
                && !Set.of("unsupervised", "supervised").contains(spec.get("primaryUpdateStrategy"))) {
            p.add(at + ".spec.primaryUpdateStrategy: unsupervised or supervised");
        }

        Map<String, Object> storage = map(spec.get("storage"), at + ".spec.storage", p);
        if (storage != null) {
            keys(storage, STORAGE_FIELDS, at + ".spec.storage", p);
            quantity(storage.get("size"), at + ".spec.storage.size", p);
        }

        Map<String, Object> postgresql = optionalMap(spec.get("postgresql"), at + ".spec.postgresql", p);
        if (postgresql != null) {
            keys(postgresql, POSTGRESQL_FIELDS, at + ".spec.postgresql", p);
            Map<String, Object> params = optionalMap(postgresql.get("parameters"), at + ".spec.postgresql.parameters", p);
            if (params != null) {
                params.forEach((k, v) -> {
                    if (!(v instanceof String)) {
                        p.add(at + ".spec.postgresql.parameters." + k + ": must be a string, got " + v);
                    }
                });
            }
        }

        Map<String, Object> bootstrap = map(spec.get("bootstrap"), at + ".spec.bootstrap", p);
        if (bootstrap != null) {
            keys(bootstrap, Set.of("initdb", "recovery", "pg_basebackup"), at + ".spec.bootstrap", p);
            Map<String, Object> initdb = map(bootstrap.get("initdb"), at + ".spec.bootstrap.initdb", p);
            if (initdb != null) {
                keys(initdb, INITDB_FIELDS, at + ".spec.bootstrap.initdb", p);
                string(initdb.get("database"), at + ".spec.bootstrap.initdb.database", p);
                string(initdb.get("owner"), at + ".spec.bootstrap.initdb.owner", p);
                Map<String, Object> secret = map(initdb.get("secret"), at + ".spec.bootstrap.initdb.secret", p);
                if (secret != null) {
                    keys(secret, Set.of("name"), at + ".spec.bootstrap.initdb.secret", p);
                    string(secret.get("name"), at + ".spec.bootstrap.initdb.secret.name", p);
                }
            }
        }

        if (spec.containsKey("resources")) {
            p.addAll(StrictModelCheck.checkValue(spec.get("resources"), V1ResourceRequirements.class,
                    at + ".spec.resources"));
        }
        Map<String, Object> affinity = optionalMap(spec.get("affinity"), at + ".spec.affinity", p);
        if (affinity != null) {
            keys(affinity, AFFINITY_FIELDS, at + ".spec.affinity", p);
            if (affinity.containsKey("enablePodAntiAffinity") && !(affinity.get("enablePodAntiAffinity") instanceof Boolean)) {
                p.add(at + ".spec.affinity.enablePodAntiAffinity: must be a boolean");
            }
        }

        Map<String, Object> backup = optionalMap(spec.get("backup"), at + ".spec.backup", p);
        if (backup != null) {
            keys(backup, BACKUP_FIELDS, at + ".spec.backup", p);
            if (backup.containsKey("retentionPolicy")
                    && !(backup.get("retentionPolicy") instanceof String r && RETENTION.matcher(r).matches())) {
                p.add(at + ".spec.backup.retentionPolicy: expected e.g. 30d, got " + backup.get("retentionPolicy"));
            }
            Map<String, Object> store = optionalMap(backup.get("barmanObjectStore"), at + ".spec.backup.barmanObjectStore", p);
            if (store != null) {
                String s = at + ".spec.backup.barmanObjectStore";
                keys(store, OBJECT_STORE_FIELDS, s, p);
                if (!(store.get("destinationPath") instanceof String d) || !d.matches("^(s3|gs)://.+|^https://.+")) {
                    p.add(s + ".destinationPath: expected s3://, gs:// or https:// (Azure), got " + store.get("destinationPath"));
                }
                Map<String, Object> s3 = optionalMap(store.get("s3Credentials"), s + ".s3Credentials", p);
                if (s3 != null) {
                    keys(s3, S3_FIELDS, s + ".s3Credentials", p);
                    for (String ref : List.of("accessKeyId", "secretAccessKey")) {
                        Map<String, Object> sel = map(s3.get(ref), s + ".s3Credentials." + ref, p);
                        if (sel != null) {
                            keys(sel, Set.of("name", "key"), s + ".s3Credentials." + ref, p);
                            string(sel.get("name"), s + ".s3Credentials." + ref + ".name", p);
                            string(sel.get("key"), s + ".s3Credentials." + ref + ".key", p);
                        }
                    }
                }
                Map<String, Object> wal = optionalMap(store.get("wal"), s + ".wal", p);
                if (wal != null) {
                    keys(wal, WAL_FIELDS, s + ".wal", p);
                    compression(wal.get("compression"), s + ".wal.compression", p);
                }
                Map<String, Object> data = optionalMap(store.get("data"), s + ".data", p);
                if (data != null) {
                    keys(data, DATA_FIELDS, s + ".data", p);
                    compression(data.get("compression"), s + ".data.compression", p);
                }
            }
        }
        return p;
    }

    private static void compression(Object v, String at, List<String> p) {
        if (v != null && !COMPRESSIONS.contains(v)) {
            p.add(at + ": one of " + COMPRESSIONS + ", got " + v);
        }
    }

    private static void quantity(Object v, String at, List<String> p) {
        if (!(v instanceof String s)) {
            p.add(at + ": expected a quantity string, got " + v);
            return;
        }
        try {
            Quantity.fromString(s);
        } catch (RuntimeException e) {
            p.add(at + ": not a quantity: " + s);
        }
    }

    private static void string(Object v, String at, List<String> p) {
        if (!(v instanceof String s) || s.isBlank()) {
            p.add(at + ": expected a non-empty string, got " + v);
        }
    }

    private static void keys(Map<String, Object> m, Set<String> known, String at, List<String> p) {
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                p.add(at + "." + k + ": not a CloudNativePG field here");
            }
        }
    }

    private static Map<String, Object> optionalMap(Object o, String at, List<String> p) {
        return o == null ? null : map(o, at, p);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String at, List<String> p) {
        if (!(o instanceof Map<?, ?> m)) {
            p.add(at + ": expected a mapping, got " + o);
            return null;
        }
        return (Map<String, Object>) m;
    }

    /** Navigates nested maps; null when a step is missing. */
    static Object at(Map<String, Object> doc, String... path) {
        Object cur = doc;
        for (String step : path) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(step);
        }
        return cur;
    }
}
