package io.sitrep.entities.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryLanesTest {

    private final DeliveryLanes lanes = new DeliveryLanes(4, work -> work);

    @AfterEach
    void close() {
        lanes.close();
    }

    @Test
    void differentSubjectsAreDeliveredAtTheSameTime() {
        // Each row waits until all four have started: only four rows in flight at once get past the latch.
        CountDownLatch allStarted = new CountDownLatch(4);
        List<Boolean> metTheOthers = new CopyOnWriteArrayList<>();
        lanes.run(List.of("a", "b", "c", "d"), row -> row, row -> {
            allStarted.countDown();
            try {
                metTheOthers.add(allStarted.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(metTheOthers).containsExactly(true, true, true, true);
    }

    @Test
    void rowsAboutOneSubjectKeepTheirOrder() {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        List<int[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(new int[] {i % 7, i});
        }

        lanes.run(rows, row -> row[0], row -> seen.computeIfAbsent("s" + row[0], k -> new CopyOnWriteArrayList<>()).add(row[1]));

        assertThat(seen).hasSize(7);
        seen.values().forEach(order -> assertThat(order).isSorted().hasSizeGreaterThanOrEqualTo(28));
    }

    @Test
    void aFailingLaneFailsTheBatchAfterTheOthersFinish() {
        List<String> done = new CopyOnWriteArrayList<>();
        List<String> rows = List.of("ok-1", "bad", "ok-2");

        // One lane each, so the failure cannot take a row of its own lane down with it.
        assertThatThrownBy(() -> lanes.run(rows, rows::indexOf, row -> {
            if (row.equals("bad")) {
                throw new IllegalStateException("refused");
            }
            sleepBriefly();
            done.add(row);
        })).isInstanceOf(IllegalStateException.class).hasMessage("refused");
        assertThat(done).containsExactlyInAnyOrder("ok-1", "ok-2");
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
