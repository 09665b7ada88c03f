package io.sitrep.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Reads each running service instance's resident memory (VmRSS in /proc) once a second and keeps the maximum. */
final class RssSampler implements AutoCloseable {

    private final Suite suite;
    private final List<Suite.Instance> instances;
    private final Map<Suite.Instance, Long> maxKb = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rss-sampler");
        t.setDaemon(true);
        return t;
    });

    RssSampler(Suite suite, List<Suite.Instance> instances) {
        this.suite = suite;
        this.instances = List.copyOf(instances);
        instances.forEach(i -> maxKb.put(i, 0L));
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private synchronized void sample() {
        for (Suite.Instance i : instances) {
            long kb = rssKb(suite.pid(i));
            if (kb > 0) {
                maxKb.merge(i, kb, Math::max);
            }
        }
    }

    /** Highest RSS seen per instance, in MB. */
    synchronized Map<Suite.Instance, Long> maxMb() {
        Map<Suite.Instance, Long> mb = new LinkedHashMap<>();
        maxKb.forEach((i, kb) -> mb.put(i, kb / 1024));
        return mb;
    }

    /** VmRSS of a process in kB; -1 when it is not running. */
    static long rssKb(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException e) {
            // the process ended between the pid look-up and the read
        }
        return -1;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
