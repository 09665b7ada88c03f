package io.sitrep.testsupport;

/** Reading a /q/metrics (Prometheus text) answer in tests. */
public final class Prometheus {

    private Prometheus() {
    }

    /** The sum of the metric's samples whose label sets contain every fragment, e.g. {@code outcome="delivered"}. */
    public static double sum(String exposition, String metric, String... labelFragments) {
        return exposition.lines()
                .filter(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "))
                .filter(l -> java.util.Arrays.stream(labelFragments).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
