package io.sitrep.query.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What a search matches: optional web-search words, canonical entity ids that must all occur,
 * an entity type that must occur, sources, language, a [from, to) publication-time range, an ingest story
 * group, and a [eventFrom, eventTo) event-time range (live-blog entry times and the dates of dated statements).
 */
public record SearchFilter(String q, List<Long> entityIds, String entityType, List<String> sources, String language,
        Instant from, Instant to, UUID storyGroup, Instant eventFrom, Instant eventTo, Sort sort) {

    public enum Sort { RELEVANCE, TIME }

    public boolean hasQuery() {
        return q != null && !q.isBlank();
    }

    public boolean hasEventRange() {
        return eventFrom != null || eventTo != null;
    }

    /**
     * The first day (UTC) whose 24 hours overlap [eventFrom, eventTo): a dated statement names a whole day, and
     * it matches when that day overlaps the range. Null when the range is open at the start.
     */
    public LocalDate eventFromDay() {
        return eventFrom == null ? null : LocalDate.ofInstant(eventFrom, ZoneOffset.UTC);
    }

    /** The first day (UTC) starting at or after eventTo: days before it overlap the range (exclusive); null when open. */
    public LocalDate eventToDayExclusive() {
        if (eventTo == null) {
            return null;
        }
        LocalDate day = LocalDate.ofInstant(eventTo, ZoneOffset.UTC);
        return eventTo.equals(day.atTime(LocalTime.MIDNIGHT).toInstant(ZoneOffset.UTC)) ? day : day.plusDays(1);
    }
}
