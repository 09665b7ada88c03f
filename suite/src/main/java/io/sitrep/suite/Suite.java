package io.sitrep.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three packaged services as child processes on one database: what {@code bin/run-local}
 * starts, and what the end-to-end tests drive over HTTP.
 */
public final class Suite implements AutoCloseable {

    private final Path root;
    private final Path logDir;
    private final Database database;
    private final Map<Service, Integer> ports;
    private final Map<String, String> extraEnv;
    private final LocalAuth auth;
    private final String personToken;
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param extraEnv added to (or, with a null value, removed from) every service's environment */
    public Suite(Path root, Path logDir, Database database, Map<Service, Integer> ports, Map<String, String> extraEnv) {
        this.root = root;
        this.logDir = logDir;
        this.database = database;
        this.ports = new EnumMap<>(ports);
        this.extraEnv = java.util.Collections.unmodifiableMap(new HashMap<>(extraEnv));
        this.auth = LocalAuth.in(logDir.resolveSibling("auth"));
        this.personToken = auth.personToken(Duration.ofHours(12));
    }

    /** Free ports for all three services, for tests that must not collide with a running suite. */
    public static Map<Service, Integer> freePorts() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports.put(s, socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ports;
    }

    public String url(Service service) {
        return "http://localhost:" + ports.get(service);
    }

    public Path log(Service service) {
        return logDir.resolve(service.module + ".log");
    }

    /** The suite's token issuer, whose key pair every service trusts. */
    public LocalAuth auth() {
        return auth;
    }

    /** "Bearer …" for a person holding every role but {@code service}, valid for 12 hours. */
    public String authorization() {
        return "Bearer " + personToken;
    }

    /** A request to {@code uri} carrying {@link #authorization()}. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", authorization());
    }

    public Database database() {
        return database;
    }

    /** Starts every service that is not running, then waits until all are ready. */
    public void startAll(Duration timeout) {
        for (Service s : Service.values()) {
            start(s);
        }
        for (Service s : Service.values()) {
            awaitReady(s, timeout);
        }
    }

    public void start(Service service) {
        Process running = processes.get(service);
        if (running != null && running.isAlive()) {
            return;
        }
        Path jar = root.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package first");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + service.maxHeap,
                "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        builder.environment().putAll(environment(service));
        try {
            Files.createDirectories(logDir);
            processes.put(service, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.module, e);
        }
    }

    /** Ends a service at once, as a crash or an OOM kill would (SIGKILL): no graceful shutdown. */
    public void kill(Service service) {
        Process p = processes.remove(service);
        if (p != null) {
            p.destroyForcibly();
            waitFor(p);
        }
    }

    /** Stops a service gracefully (SIGTERM), as Kubernetes does. */
    public void stop(Service service) {
        Process p = processes.remove(service);
        if (p != null) {
            p.destroy();
            waitFor(p);
        }
    }

    public void awaitReady(Service service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create(url(service) + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            Process p = processes.get(service);
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(service.module + " exited; see " + log(service));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service.module + " not ready within " + timeout + "; see " + log(service));
    }

    /** Waits for a service that should not stay up to end; its exit code, or empty if it is still running. */
    public java.util.OptionalInt awaitExit(Service service, Duration timeout) {
        Process p = processes.get(service);
        if (p == null) {
            throw new IllegalStateException(service.module + " was not started");
        }
        try {
            if (p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                processes.remove(service);
                return java.util.OptionalInt.of(p.exitValue());
            }
            return java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long pid(Service service) {
        Process p = processes.get(service);
        return p == null ? -1 : p.pid();
    }

    private Map<String, String> environment(Service service) {
        Map<String, String> env = new HashMap<>();
        env.put(service.portVariable, String.valueOf(ports.get(service)));
        env.put("SITREP_DB_URL", database.jdbcUrl());
        env.put("SITREP_DB_USER", database.user());
        env.put("SITREP_DB_PASSWORD", database.password());
        env.put("SITREP_INGEST_SERVICE_URL", url(Service.INGEST));
        env.put("SITREP_ENTITY_SERVICE_URL", url(Service.ENTITY));
        env.put("SITREP_QUERY_SERVICE_URL", url(Service.QUERY));
        env.putAll(auth.serviceEnvironment());
        env.putAll(extraEnv);
        env.values().removeIf(java.util.Objects::isNull);   // a null in extraEnv unsets the variable
        return env;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void waitFor(Process p) {
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the services (gracefully), then the embedded database if there is one. */
    @Override
    public void close() {
        for (Service s : Service.values()) {
            stop(s);
        }
        database.close();
    }
}
