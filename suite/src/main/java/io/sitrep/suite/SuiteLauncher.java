package io.sitrep.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/run-local}: the whole suite on this machine. Embedded PostgreSQL (data kept in
 * .sitrep/pgdata) unless SITREP_DB_URL names an external one. Ctrl-C stops everything.
 */
public final class SuiteLauncher {

    private SuiteLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("sitrep.root", ".")).toAbsolutePath().normalize();
        Map<String, String> env = System.getenv();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, Integer.parseInt(env.getOrDefault(s.portVariable, String.valueOf(s.defaultPort))));
        }
        Database database;
        if (env.containsKey("SITREP_DB_URL")) {
            database = Database.external(env.get("SITREP_DB_URL"), env.getOrDefault("SITREP_DB_USER", "sitrep"),
                    env.getOrDefault("SITREP_DB_PASSWORD", "sitrep"));
            System.out.println("Using external PostgreSQL at " + database.jdbcUrl());
        } else {
            int port = Integer.parseInt(env.getOrDefault("SITREP_EMBEDDED_DB_PORT", "55400"));
            Path data = root.resolve(".sitrep/pgdata");
            database = Database.embedded(data, port, false);
            System.out.println("Embedded PostgreSQL on port " + port + ", data in " + data);
        }
        Suite suite = new Suite(root, root.resolve(".sitrep/logs"), database, ports, Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Sitrep…");
            suite.close();
            stopped.countDown();
        }));
        long t0 = System.nanoTime();
        try {
            suite.startAll(Duration.ofMinutes(3));
        } catch (RuntimeException e) {
            System.err.println("Sitrep did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.printf("%nSitrep is ready (%.1f s). Logs in %s%n%n", (System.nanoTime() - t0) / 1e9,
                root.resolve(".sitrep/logs"));
        for (Service s : Service.values()) {
            System.out.printf("  %-15s %s   Swagger UI: %s/q/swagger-ui%n", s.module, suite.url(s), suite.url(s));
        }
        System.out.println("\nEvery /api endpoint wants a bearer token. One for every person role (12 h):\n");
        System.out.println("  " + suite.authorization());
        System.out.println("\nMore, for single roles: bin/token reader | ingester | curator | admin");
        System.out.println("\nPress Ctrl-C to stop.");
        stopped.await();
    }
}
