package io.sitrep.testsupport;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** The per-input time bound of the Jazzer fuzz tests: every parser of untrusted input is meant to be bounded. */
public final class FuzzBound {

    /** Every call on one fuzz input must finish within this. */
    public static final Duration PER_INPUT = Duration.ofSeconds(2);
    /**
     * The first call in a JVM loads every class the parser touches, and under Jazzer also instruments them
     * (seconds on a loaded machine): it is held to this instead, so that warm-up is not reported as a hang.
     */
    static final Duration FIRST_CALL = Duration.ofSeconds(60);

    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fuzz-bounded");
        thread.setDaemon(true);
        return thread;
    });

    private FuzzBound() {
    }

    /**
     * Runs {@code work} on a worker thread and fails if it takes longer than {@link #PER_INPUT}. Whatever
     * {@code work} throws is rethrown unchanged, so a finding keeps its own stack trace.
     */
    public static <T> T run(Callable<T> work) {
        Duration bound = WARMED_UP.getAndSet(true) ? PER_INPUT : FIRST_CALL;
        Future<T> future = WORKERS.submit(work);
        try {
            return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("call did not finish within " + bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new AssertionError("checked exception escaped", cause);
        }
    }
}
