package io.sitrep.ingest.pipeline;

import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Time-zone abbreviations used in live-blog timestamps, as fixed offsets. An abbreviation names one offset
 * (BST is always UTC+1), so no daylight-saving rules are needed; ambiguous ones (IST, ET) are left out.
 */
public enum ClockZone {
    GMT(0), UTC(0), BST(1), CET(1), CEST(2), EET(2), EEST(3), MSK(3), EST(-5), EDT(-4), PST(-8), PDT(-7);

    private final ZoneOffset offset;

    ClockZone(int hours) {
        this.offset = ZoneOffset.ofHours(hours);
    }

    public ZoneOffset offset() {
        return offset;
    }

    /** The zone named by {@code abbreviation} (any case), or {@code null}. */
    public static ClockZone fromAbbreviation(String abbreviation) {
        String upper = abbreviation.toUpperCase(Locale.ROOT);
        for (ClockZone zone : values()) {
            if (zone.name().equals(upper)) {
                return zone;
            }
        }
        return null;
    }
}
