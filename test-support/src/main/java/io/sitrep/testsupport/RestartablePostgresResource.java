package io.sitrep.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Like {@link EmbeddedPostgresResource}, but a test can {@linkplain #stopDatabase() stop} the cluster and
 * {@linkplain #startDatabase() start} it again on the same port and data directory, to see what the service
 * does while its database is away and after it is back. One cluster per JVM at a time: use it from a test
 * profile of its own (with global test resources disabled).
 */
public class RestartablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Path dataDir;
    private static int port;
    private static EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("sitrep-restartable-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = 0;
        startDatabase();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** Starts the cluster: on a free port the first time, afterwards on the port and data it had. */
    public static synchronized void startDatabase() {
        if (postgres != null) {
            return;
        }
        try {
            // Not zonky's clean-up, which would delete the data directory on every stop.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false);
            if (port > 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Stops the cluster (pg_ctl stop -m fast: every session is ended), keeping its data. */
    public static synchronized void stopDatabase() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public void stop() {
        stopDatabase();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dataDir, e);
        }
    }
}
