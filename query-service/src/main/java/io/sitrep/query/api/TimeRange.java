package io.sitrep.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A [from, to) range from query parameters: an ISO date (to is then inclusive of that whole day) or
 * an ISO instant. Either end may be open; from after to is a 400.
 */
public record TimeRange(Instant from, Instant to) {

    public static TimeRange parse(String path, String fromName, String from, String toName, String to) {
        Instant f = parse(path, fromName, from, false);
        Instant t = parse(path, toName, to, true);
        if (f != null && t != null && !f.isBefore(t)) {
            throw ApiErrors.badRequest(path, fromName, "must not be after " + toName);
        }
        return new TimeRange(f, t);
    }

    private static Instant parse(String path, String name, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 40) {
            throw ApiErrors.badRequest(path, name, "must be an ISO date (2024-02-17) or instant");
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiErrors.badRequest(path, name, "must be an ISO date (2024-02-17) or instant");
        }
    }

    public static String interval(String path, String value) {
        String v = value == null ? "month" : value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("day") && !v.equals("week") && !v.equals("month")) {
            throw ApiErrors.badRequest(path, "interval", "must be day, week or month");
        }
        return v;
    }
}
