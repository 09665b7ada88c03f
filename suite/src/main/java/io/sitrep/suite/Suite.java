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
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The three packaged services as child processes on one database: what {@code bin/run-local}
 * starts, and what the end-to-end tests drive over HTTP.
 *
 * <p>Each service runs as one or more {@linkplain Instance instances}, each on its own port; the methods that take
 * only a {@link Service} address its first instance. Instance {@code i} of a service calls instance
 * {@code i mod n} of each service it talks to (there is no load balancer): with two ingest instances and one
 * entity-service, both ingest instances deliver to it. Work is shared through the database, since every
 * instance's dispatcher drains the same outbox.
 */
public final class Suite implements AutoCloseable {

    private final Path root;
    private final Path logDir;
    private final Database database;
    /** One copy of a service: {@code ordinal} 0 is the first (and usually only) one. */
    public record Instance(Service service, int ordinal) {
        /** "entity-service" for the first instance, "entity-service-1" for the second, and so on. */
        public String name() {
            return ordinal == 0 ? service.module : service.module + "-" + ordinal;
        }
    }

    private final Map<Service, List<Integer>> ports;
    private final Map<String, String> extraEnv;
    private final LocalAuth auth;
    private final String personToken;
    private final Map<Instance, Process> processes = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * One instance of each service, on the given ports.
     *
     * @param extraEnv added to (or, with a null value, removed from) every service's environment
     */
    public Suite(Path root, Path logDir, Database database, Map<Service, Integer> ports, Map<String, String> extraEnv) {
        this(root, logDir, database, extraEnv, perInstance(ports));
    }

    private Suite(Path root, Path logDir, Database database, Map<String, String> extraEnv,
            EnumMap<Service, List<Integer>> ports) {
        this.root = root;
        this.logDir = logDir;
        this.database = database;
        this.ports = ports;
        this.extraEnv = java.util.Collections.unmodifiableMap(new HashMap<>(extraEnv));
        this.auth = LocalAuth.in(logDir.resolveSibling("auth"));
        this.personToken = auth.personToken(Duration.ofHours(12));
    }

    /** {@code instances.get(s)} instances of each service (1 when absent), on free ports. */
    public static Suite scaled(Path root, Path logDir, Database database, Map<Service, Integer> instances,
            Map<String, String> extraEnv) {
        EnumMap<Service, List<Integer>> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            int n = instances.getOrDefault(s, 1);
            if (n < 1) {
                throw new IllegalArgumentException(s.module + " needs at least one instance, not " + n);
            }
            ports.put(s, freePorts(n));
        }
        return new Suite(root, logDir, database, extraEnv, ports);
    }

    /** Free ports for all three services, for tests that must not collide with a running suite. */
    public static Map<Service, Integer> freePorts() {
        List<Integer> free = freePorts(Service.values().length);
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, free.get(s.ordinal()));
        }
        return ports;
    }

    /** {@code n} distinct free ports: every socket stays open until all are found, so none is handed out twice. */
    private static List<Integer> freePorts(int n) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // a port we only probed
                }
            }
        }
    }

    private static EnumMap<Service, List<Integer>> perInstance(Map<Service, Integer> ports) {
        EnumMap<Service, List<Integer>> lists = new EnumMap<>(Service.class);
        ports.forEach((s, port) -> lists.put(s, List.of(port)));
        return lists;
    }

    /** Every instance of the service, first one first. */
    public List<Instance> instances(Service service) {
        return IntStream.range(0, ports.get(service).size()).mapToObj(i -> new Instance(service, i)).toList();
    }

    public Instance instance(Service service, int ordinal) {
        if (ordinal < 0 || ordinal >= ports.get(service).size()) {
            throw new IllegalArgumentException(service.module + " has no instance " + ordinal);
        }
        return new Instance(service, ordinal);
    }

    public String url(Service service) {
        return url(first(service));
    }

    public String url(Instance instance) {
        return "http://localhost:" + ports.get(instance.service()).get(instance.ordinal());
    }

    public Path log(Service service) {
        return log(first(service));
    }

    public Path log(Instance instance) {
        return logDir.resolve(instance.name() + ".log");
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

    /** Starts every instance that is not running, then waits until all are ready. */
    public void startAll(Duration timeout) {
        List<Instance> all = Stream.of(Service.values()).flatMap(s -> instances(s).stream()).toList();
        all.forEach(this::start);
        all.forEach(i -> awaitReady(i, timeout));
    }

    public void start(Service service) {
        start(first(service));
    }

    public synchronized void start(Instance instance) {
        Process running = processes.get(instance);
        if (running != null && running.isAlive()) {
            return;
        }
        Service service = instance.service();
        Path jar = root.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package first");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + service.maxHeap,
                "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(instance).toFile()));
        builder.environment().putAll(environment(instance));
        try {
            Files.createDirectories(logDir);
            processes.put(instance, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + instance.name(), e);
        }
    }

    /** Ends a service at once, as a crash or an OOM kill would (SIGKILL): no graceful shutdown. */
    public void kill(Service service) {
        kill(first(service));
    }

    public void kill(Instance instance) {
        Process p = remove(instance);
        if (p != null) {
            p.destroyForcibly();
            waitFor(p);
        }
    }

    /** Stops a service gracefully (SIGTERM), as Kubernetes does. */
    public void stop(Service service) {
        stop(first(service));
    }

    public void stop(Instance instance) {
        Process p = remove(instance);
        if (p != null) {
            p.destroy();
            waitFor(p);
        }
    }

    public void awaitReady(Service service, Duration timeout) {
        awaitReady(first(service), timeout);
    }

    public void awaitReady(Instance instance, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create(url(instance) + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            Process p = process(instance);
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(instance.name() + " exited; see " + log(instance));
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
        throw new IllegalStateException(instance.name() + " not ready within " + timeout + "; see " + log(instance));
    }

    /** Waits for a service that should not stay up to end; its exit code, or empty if it is still running. */
    public java.util.OptionalInt awaitExit(Service service, Duration timeout) {
        Process p = processes.get(first(service));
        if (p == null) {
            throw new IllegalStateException(service.module + " was not started");
        }
        try {
            if (p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                processes.remove(first(service));
                return java.util.OptionalInt.of(p.exitValue());
            }
            return java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long pid(Service service) {
        return pid(first(service));
    }

    /** The process id of a running instance, -1 when it is not running. */
    public long pid(Instance instance) {
        Process p = process(instance);
        return p == null ? -1 : p.pid();
    }

    private Instance first(Service service) {
        return new Instance(service, 0);
    }

    private synchronized Process process(Instance instance) {
        return processes.get(instance);
    }

    private synchronized Process remove(Instance instance) {
        return processes.remove(instance);
    }

    private Map<String, String> environment(Instance instance) {
        Map<String, String> env = new HashMap<>();
        env.put(instance.service().portVariable, String.valueOf(ports.get(instance.service()).get(instance.ordinal())));
        env.put("SITREP_DB_URL", database.jdbcUrl());
        env.put("SITREP_DB_USER", database.user());
        env.put("SITREP_DB_PASSWORD", database.password());
        env.put("SITREP_INGEST_SERVICE_URL", url(peer(instance, Service.INGEST)));
        env.put("SITREP_ENTITY_SERVICE_URL", url(peer(instance, Service.ENTITY)));
        env.put("SITREP_QUERY_SERVICE_URL", url(peer(instance, Service.QUERY)));
        env.putAll(auth.serviceEnvironment());
        env.putAll(extraEnv);
        env.values().removeIf(java.util.Objects::isNull);   // a null in extraEnv unsets the variable
        return env;
    }

    /** The instance of {@code target} that {@code caller} talks to. */
    private Instance peer(Instance caller, Service target) {
        return new Instance(target, caller.ordinal() % ports.get(target).size());
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
            instances(s).forEach(this::stop);
        }
        database.close();
    }
}
