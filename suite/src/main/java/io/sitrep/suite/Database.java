package io.sitrep.suite;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one PostgreSQL the suite shares (each service keeps to its own schema): an embedded one,
 * or an external one given by SITREP_DB_URL / SITREP_DB_USER / SITREP_DB_PASSWORD.
 *
 * <p>An embedded cluster can be {@linkplain #stop() stopped} and {@linkplain #start() started} again on the same
 * port and data directory, as a database restart or fail-over looks to the services: every connection drops,
 * committed data stays.
 */
public final class Database implements AutoCloseable {

    private final Path dataDir;
    private final boolean fresh;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private int port;
    private EmbeddedPostgres embedded;

    private Database(Path dataDir, boolean fresh, int port, String jdbcUrl, String user, String password) {
        this.dataDir = dataDir;
        this.fresh = fresh;
        this.port = port;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public static Database external(String jdbcUrl, String user, String password) {
        return new Database(null, false, -1, jdbcUrl, user, password);
    }

    /**
     * @param dataDir where the cluster lives; kept between runs unless {@code fresh}
     * @param port    0 for any free port
     */
    public static Database embedded(Path dataDir, int port, boolean fresh) {
        if (fresh) {
            deleteTree(dataDir);
        }
        Database db = new Database(dataDir, fresh, port, null, "postgres", "postgres");
        db.start();
        return db;
    }

    /**
     * Starts the embedded cluster if it is not running: the first time on the given (or any free) port, later on
     * the port it had, over the data it kept.
     */
    public synchronized void start() {
        requireEmbedded();
        if (embedded != null) {
            return;
        }
        try {
            // Never zonky's own clean-up: it would delete the data directory on stop, and a restart must find it.
            // A fresh cluster is an empty directory (deleted above), which zonky initialises.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // Room for three services' pools plus replicas in the scale tests.
                    .setServerConfig("max_connections", "300");
            // Only for measuring how much of a benchmark is disk flushes; never for real data.
            String slow = System.getProperty("sitrep.bench.log-slower-than-ms");
            if (slow != null) {
                builder.setServerConfig("log_min_duration_statement", slow);
            }
            // Statement profile (calls, time, rows per statement): read by IngestBenchmark at the end of its runs.
            if (Boolean.getBoolean("sitrep.bench.statements")) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all");
            }
            if ("off".equals(System.getProperty("sitrep.bench.fsync"))) {
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            embedded = builder.start();
            port = embedded.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Stops the embedded cluster (pg_ctl stop -m fast: open sessions are ended), keeping its data and port. */
    public synchronized void stop() {
        requireEmbedded();
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            embedded = null;
        }
    }

    public synchronized boolean isRunning() {
        return embedded != null;
    }

    public String jdbcUrl() {
        if (jdbcUrl != null) {
            return jdbcUrl;
        }
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return dataDir != null;
    }

    @Override
    public void close() {
        if (isEmbedded()) {
            stop();
            if (fresh) {
                deleteTree(dataDir);
            }
        }
    }

    private void requireEmbedded() {
        if (!isEmbedded()) {
            throw new IllegalStateException("an external database is not started or stopped by the suite");
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
