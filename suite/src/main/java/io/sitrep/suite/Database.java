package io.sitrep.suite;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one PostgreSQL the suite shares (each service keeps to its own schema): an embedded one,
 * or an external one given by SITREP_DB_URL / SITREP_DB_USER / SITREP_DB_PASSWORD.
 */
public final class Database implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private Database(EmbeddedPostgres embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public static Database external(String jdbcUrl, String user, String password) {
        return new Database(null, jdbcUrl, user, password);
    }

    /**
     * @param dataDir where the cluster lives; kept between runs unless {@code fresh}
     * @param port    0 for any free port
     */
    public static Database embedded(Path dataDir, int port, boolean fresh) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(fresh)
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
            EmbeddedPostgres pg = builder.start();
            return new Database(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
