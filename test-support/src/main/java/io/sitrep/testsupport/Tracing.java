package io.sitrep.testsupport;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tracing tests: spans go to an in-memory exporter (the test declares a CDI producer for it), and the named
 * REST clients point back at the service under test on a fixed port, so that a delivery gets a real HTTP
 * answer and both its client span and the receiving server span are recorded.
 */
public final class Tracing {

    private Tracing() {
    }

    /** Config overrides for a QuarkusTestProfile: tracing on, fast export, clients aimed at this service. */
    public static Map<String, String> onWithClientsAtSelf(String... restClients) {
        int port = freePort();
        Map<String, String> config = new HashMap<>(Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.traces.exporter", "cdi",
                "quarkus.otel.bsp.schedule.delay", "0.05s",
                "quarkus.http.test-port", Integer.toString(port)));
        for (String client : restClients) {
            config.put("quarkus.rest-client." + client + ".url", "http://localhost:" + port);
        }
        return config;
    }

    /** A fresh, valid, sampled W3C traceparent. */
    public static String newTraceParent() {
        return "00-" + hex(16) + "-" + hex(8) + "-01";
    }

    public static String traceId(String traceParent) {
        return traceParent.split("-")[1];
    }

    /** Waits until the trace has a client span whose attributes mention {@code path}; empty after the timeout. */
    public static List<SpanData> awaitClientSpans(InMemorySpanExporter spans, String traceId, String path,
            Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<SpanData> found = List.of();
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            found = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getKind() == SpanKind.CLIENT && s.getTraceId().equals(traceId))
                    .filter(s -> s.getAttributes().asMap().values().toString().contains(path))
                    .toList();
        }
        return found;
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;  // never all zeros, which would be an invalid id
        return HexFormat.of().formatHex(b);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
