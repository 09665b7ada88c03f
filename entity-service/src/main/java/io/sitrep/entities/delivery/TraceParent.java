package io.sitrep.entities.delivery;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Carries a trace across the outbox: the request that queues work records its W3C {@code traceparent}
 * ({@code 00-<trace id>-<span id>-<flags>}), and the dispatcher, later and on another thread, makes it
 * current again while it calls the next service, so that the REST client's span joins the request's trace.
 */
public final class TraceParent {

    private TraceParent() {
    }

    /** The current span as a traceparent, or null when nothing is traced (tracing off, or no request). */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex() : null;
    }

    /** Makes the recorded trace current until the scope is closed; a no-op for null or a malformed value. */
    public static Scope resume(String traceParent) {
        String[] part = traceParent == null ? new String[0] : traceParent.split("-");
        if (part.length != 4 || part[3].length() != 2) {
            return Scope.noop();
        }
        SpanContext parent = SpanContext.createFromRemoteParent(part[1], part[2], TraceFlags.fromHex(part[3], 0),
                TraceState.getDefault());
        return parent.isValid() ? Context.root().with(Span.wrap(parent)).makeCurrent() : Scope.noop();
    }
}
