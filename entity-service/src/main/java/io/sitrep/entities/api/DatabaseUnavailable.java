package io.sitrep.entities.api;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A request that needed PostgreSQL while it was unreachable (stopped, restarting, failing over) or while every
 * pooled connection stayed busy past the acquisition timeout. Nothing is wrong with the request: the answer is
 * 503 problem+json with Retry-After, so that clients and load balancers back off and retry, instead of a 500
 * that reads like a bug. {@link ProblemMapper} asks {@link #isCause} before answering 500, so the failure is
 * found however deeply Hibernate, Agroal or the transaction manager wrapped it.
 */
final class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);

    /** Seconds a client should wait: about what a PostgreSQL restart takes. */
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    /** True when {@code failure} or anything it wraps says the database could not be reached. */
    static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isConnectionFailure(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08xxx: connection exceptions. 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now
            // (the server is starting up or shutting down).
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
            // Agroal's pool gives up waiting for a connection with a plain SQLException that has no SQLState.
            String message = sql.getMessage();
            return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
        }
        return false;
    }

    static Response respond(Throwable failure, String path) {
        LOG.warnf("database unavailable on %s: %s", path, rootMessage(failure));
        return Response.fromResponse(ProblemMapper.respond(Problem.of("database-unavailable", "Service Unavailable", 503,
                        "The database cannot be reached at the moment; retry after the delay in Retry-After", path)))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
