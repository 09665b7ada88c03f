package io.sitrep.ingest.delivery;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.Map;

/**
 * Carries a trace across the outbox: the request that stores an article records its W3C {@code traceparent},
 * and the dispatcher, later and on another thread, makes it current again while it calls entity-service,
 * so that the REST client's span (and everything downstream) belongs to the submitting request's trace.
 */
public final class TraceParent {

    private static final String HEADER = "traceparent";
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParent() {
    }

    /** The current span as a traceparent value, or null when there is no recording trace (tracing off). */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        StringBuilder out = new StringBuilder(55);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), out,
                (carrier, key, value) -> {
                    if (HEADER.equals(key)) {
                        carrier.append(value);
                    }
                });
        return out.isEmpty() ? null : out.toString();
    }

    /** Makes the recorded trace current until the scope is closed; a no-op for null. */
    public static Scope resume(String traceParent) {
        if (traceParent == null || traceParent.isBlank()) {
            return Scope.noop();
        }
        Context context = W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(HEADER, traceParent), GETTER);
        return context.makeCurrent();
    }
}
