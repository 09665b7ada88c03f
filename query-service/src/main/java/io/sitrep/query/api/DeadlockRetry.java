package io.sitrep.query.api;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Runs a write transaction again when PostgreSQL aborted it as a deadlock victim or a serialization failure.
 * Aggregate rows are locked in key order within each statement, but a redelivery subtracts the old and then adds
 * the new contribution, two passes, so two concurrent redeliveries of overlapping entities can still cross; the
 * database detects that and aborts one, which is then simply repeated.
 */
final class DeadlockRetry {

    static final int ATTEMPTS = 3;

    private DeadlockRetry() {
    }

    static <T> T run(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
