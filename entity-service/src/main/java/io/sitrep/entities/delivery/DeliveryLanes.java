package io.sitrep.entities.delivery;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Works through one claimed batch in up to {@code concurrency} lanes at once. Rows with the same subject share
 * a lane and keep their order, so a later row about an article or entity never overtakes an earlier one (the INDEXED report never
 * overtakes the indexing it reports).
 */
final class DeliveryLanes implements AutoCloseable {

    private final int concurrency;
    private final UnaryOperator<Runnable> inContext;
    private final ExecutorService threads;

    /** @param inContext wraps each lane, e.g. in the request context the scheduler's own thread has */
    DeliveryLanes(int concurrency, UnaryOperator<Runnable> inContext) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("delivery concurrency must be at least 1");
        }
        this.concurrency = concurrency;
        this.inContext = inContext;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(concurrency, task -> {
            Thread t = new Thread(task, "outbox-delivery-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Lanes that each run in a request context of their own, as the scheduler's thread does. */
    static DeliveryLanes inRequestContexts(int concurrency) {
        return new DeliveryLanes(concurrency, work -> () -> {
            ManagedContext context = Arc.container().requestContext();
            context.activate();
            try {
                work.run();
            } finally {
                context.terminate();
            }
        });
    }

    /** Runs {@code work} for every row and returns once all are done; a lane's failure is rethrown. */
    <T> void run(List<T> rows, Function<T, Object> subject, Consumer<T> work) {
        int laneCount = Math.min(concurrency, rows.size());
        if (laneCount <= 1) {
            rows.forEach(work);
            return;
        }
        List<List<T>> lanes = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new ArrayList<>());
        }
        for (T row : rows) {
            lanes.get(Math.floorMod(subject.apply(row).hashCode(), laneCount)).add(row);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<T> lane : lanes) {
            running.add(threads.submit(inContext.apply(() -> lane.forEach(work))));
        }
        RuntimeException failure = null;
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while delivering", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
