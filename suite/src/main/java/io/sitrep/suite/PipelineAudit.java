package io.sitrep.suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts what the pipeline left in the three schemas, straight from PostgreSQL: rows, rows that repeat a natural
 * key (a document, mention or canonical entity stored twice), outbox rows still waiting, and documents one
 * schema has that the one upstream of it does not. Only tests and benchmarks read across schemas like this;
 * the services never do.
 */
final class PipelineAudit {

    /** What the schemas hold; the maps keep the order the figures are printed in. */
    record Audit(Map<String, Long> rows, Map<String, Long> duplicates, Map<String, Long> outbox,
                 Map<String, Long> orphans, Map<String, Long> articlesByStatus, Map<String, Long> deliveryAttempts) {

        long rows(String table) {
            return rows.get(table);
        }

        long totalDuplicates() {
            return duplicates.values().stream().mapToLong(Long::longValue).sum();
        }

        long totalOutbox() {
            return outbox.values().stream().mapToLong(Long::longValue).sum();
        }

        long totalOrphans() {
            return orphans.values().stream().mapToLong(Long::longValue).sum();
        }

        String describe() {
            return "rows " + rows + "\nduplicates " + duplicates + "\noutbox rows " + outbox + "\norphans " + orphans
                    + "\narticles by status " + articlesByStatus + "\narticles by delivery attempts to entity-service "
                    + deliveryAttempts;
        }
    }

    private static final Map<String, String> ROWS = ordered(
            "ingest.article", "SELECT count(*) FROM ingest.article",
            "entities.document", "SELECT count(*) FROM entities.document",
            "entities.mention", "SELECT count(*) FROM entities.mention",
            "entities.entity", "SELECT count(*) FROM entities.entity",
            "query.document", "SELECT count(*) FROM query.document",
            "query.mention", "SELECT count(*) FROM query.mention",
            "query.document_entity", "SELECT count(*) FROM query.document_entity");

    /**
     * Natural keys that must not repeat. Most have a unique constraint, which a migration could lose; mentions
     * have none (bigserial ids, or no key at all in query), so a redelivery that appended instead of replacing
     * would show here only.
     */
    private static final Map<String, String> DUPLICATES = ordered(
            "ingest.article (same content)", repeats("ingest.article", "content_hash"),
            "entities.document", repeats("entities.document", "article_id"),
            "entities.mention (article, offsets)", repeats("entities.mention", "article_id, start_offset, end_offset"),
            "entities.entity_link (article, name)", repeats("entities.entity_link", "article_id, name, entity_id"),
            "entities.entity (type, canonical key)", repeats("entities.entity", "type, canonical_key"),
            "entities.entity (type, normalised name)",
            "SELECT count(*) FROM (SELECT 1 FROM entities.entity WHERE merged_into IS NULL "
                    + "GROUP BY type, name_folded HAVING count(*) > 1) d",
            "query.document", repeats("query.document", "article_id"),
            "query.mention (article, offsets)", repeats("query.mention", "article_id, start_offset, end_offset"),
            "query.document_entity", repeats("query.document_entity", "article_id, entity_id"));

    private static final Map<String, String> OUTBOX = ordered(
            "ingest.outbox", "SELECT count(*) FROM ingest.outbox",
            "entities.outbox", "SELECT count(*) FROM entities.outbox");

    private static final Map<String, String> ORPHANS = ordered(
            "entities.document without ingest.article",
            "SELECT count(*) FROM entities.document d WHERE NOT EXISTS (SELECT 1 FROM ingest.article a WHERE a.id = d.article_id)",
            "query.document without entities.document",
            "SELECT count(*) FROM query.document q WHERE NOT EXISTS "
                    + "(SELECT 1 FROM entities.document d WHERE d.article_id = q.article_id)");

    private final Database database;

    PipelineAudit(Database database) {
        this.database = database;
    }

    Audit audit() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT status, count(*) FROM ingest.article GROUP BY status ORDER BY status")) {
                while (r.next()) {
                    byStatus.put(r.getString(1), r.getLong(2));
                }
            }
            Map<String, Long> redelivered = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT delivery_attempts, count(*) FROM ingest.article GROUP BY 1 ORDER BY 1")) {
                while (r.next()) {
                    redelivered.put(r.getInt(1) + " attempts", r.getLong(2));
                }
            }
            return new Audit(counts(s, ROWS), counts(s, DUPLICATES), counts(s, OUTBOX), counts(s, ORPHANS), byStatus,
                    redelivered);
        } catch (SQLException e) {
            throw new IllegalStateException("audit failed: " + e.getMessage(), e);
        }
    }

    /** Articles in ingest with that status (e.g. INDEXED). */
    long articles(String status) {
        try (Connection c = connect(); var s = c.prepareStatement("SELECT count(*) FROM ingest.article WHERE status = ?")) {
            s.setString(1, status);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("count failed: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until ingest has at least {@code target} INDEXED (or FAILED: the caller reports those) articles and both
     * outboxes are empty, printing progress every {@code every}; returns how long that took, or throws after
     * {@code timeout}.
     */
    java.time.Duration awaitIndexed(long target, java.time.Duration timeout, java.time.Duration every) {
        long t0 = System.nanoTime();
        long lastPrint = t0;
        while (true) {
            long indexed = articles("INDEXED");
            if (indexed + articles("FAILED") >= target && audit().totalOutbox() == 0) {
                return java.time.Duration.ofNanos(System.nanoTime() - t0);
            }
            long now = System.nanoTime();
            if (now - t0 > timeout.toNanos()) {
                throw new IllegalStateException(indexed + " of " + target + " INDEXED after " + timeout + ": "
                        + audit().describe());
            }
            if (now - lastPrint >= every.toNanos()) {
                System.out.printf("  … %d of %d INDEXED (%.0f s)%n", indexed, target, (now - t0) / 1e9);
                lastPrint = now;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Canonical PERSON entities (not merged away) whose name is one of {@code names}. */
    long countPersonsNamed(java.util.List<String> names) {
        try (Connection c = connect(); var s = c.prepareStatement(
                "SELECT count(*) FROM entities.entity WHERE type = 'PERSON' AND merged_into IS NULL AND name = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", names.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("count failed: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static Map<String, Long> counts(Statement s, Map<String, String> queries) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (var q : queries.entrySet()) {
            try (ResultSet r = s.executeQuery(q.getValue())) {
                r.next();
                counts.put(q.getKey(), r.getLong(1));
            }
        }
        return counts;
    }

    private static String repeats(String table, String key) {
        return "SELECT count(*) FROM (SELECT 1 FROM " + table + " GROUP BY " + key + " HAVING count(*) > 1) d";
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
