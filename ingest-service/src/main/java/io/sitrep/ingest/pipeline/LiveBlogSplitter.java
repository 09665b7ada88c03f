package io.sitrep.ingest.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a live blog into its timed entries. An entry starts with a paragraph that begins with a clock
 * time: {@code 2036 GMT — headline}, {@code 14:05 BST}, {@code 10:32am: headline}, {@code 10.32 CET - headline}.
 * The entry runs until the next entry or day header.
 *
 * <p>Dates: entries carry only a clock time, so the day comes from the blog's date (the publication date,
 * passed in) and from day-header lines such as "Tuesday, March 7, 2023", which set the day for the entries
 * below them. Blogs list entries newest first, so an entry whose time is later than the entry above it
 * belongs to the previous day. If the times mostly rise instead, the blog is read as oldest first and the
 * rule is mirrored (an earlier time means the next day).
 *
 * <p>Zones: the abbreviations in {@link ClockZone}. A time without a zone ("10:32am") is taken as UTC
 * and flagged with {@link LiveBlogEntry#zoneWritten()} {@code = false}: the outlet's own zone is not known
 * here, and UTC is at least a stated convention that a caller can correct.
 *
 * <p>Fewer than {@value #MIN_ENTRIES} timed paragraphs is not a live blog and yields no entries. Only the
 * first {@value #CLOCK_WINDOW} characters of a paragraph are examined for a time, so cost is linear.
 */
public final class LiveBlogSplitter {

    static final int MIN_ENTRIES = 2;
    static final int CLOCK_WINDOW = 40;

    private final EnglishDateParser dateParser;

    public LiveBlogSplitter() {
        this(new EnglishDateParser());
    }

    public LiveBlogSplitter(EnglishDateParser dateParser) {
        this.dateParser = dateParser;
    }

    /**
     * @param cleanText the article text, typically {@link CleanedText#text()}; offsets refer to it
     * @param blogDate  the day of the newest entry (the publication date), or {@code null} if unknown, in
     *                  which case entries get no day or instant unless the text has day headers
     * @return the entries in text order, or an empty list when this is not a live blog
     */
    public List<LiveBlogEntry> split(String cleanText, LocalDate blogDate) {
        if (cleanText == null || cleanText.isEmpty()) {
            return List.of();
        }
        List<Paragraph> paragraphs = Paragraph.split(cleanText);
        List<Marker> markers = new ArrayList<>();
        int timed = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            String text = paragraphs.get(i).text();
            ClockStamp stamp = readClockStamp(text);
            if (stamp != null) {
                markers.add(new Marker(i, stamp, null));
                timed++;
                continue;
            }
            TextDate header = dateParser.parseDateLine(text).orElse(null);
            if (header != null) {
                markers.add(new Marker(i, null, header));
            }
        }
        if (timed < MIN_ENTRIES) {
            return List.of();
        }
        boolean newestFirst = isNewestFirst(markers);
        List<LiveBlogEntry> entries = new ArrayList<>();
        LocalDate day = blogDate;
        Instant previous = null;
        for (int m = 0; m < markers.size(); m++) {
            Marker marker = markers.get(m);
            if (marker.header != null) {
                LocalDate headerDay = marker.header.resolveYear(day != null ? day : blogDate);
                if (headerDay != null) {
                    day = headerDay;
                    previous = null; // an explicit day resets the rollover logic
                }
                continue;
            }
            ClockStamp stamp = marker.stamp;
            Instant instant = null;
            if (day != null) {
                instant = toInstant(day, stamp);
                // No rollover past the ends of the calendar: a blog date of +999999999-12-31 is a valid ISO date.
                if (previous != null && newestFirst && instant.isAfter(previous) && day.isAfter(LocalDate.MIN)) {
                    day = day.minusDays(1);
                    instant = toInstant(day, stamp);
                } else if (previous != null && !newestFirst && instant.isBefore(previous)
                        && day.isBefore(LocalDate.MAX)) {
                    day = day.plusDays(1);
                    instant = toInstant(day, stamp);
                }
                previous = instant;
            }
            int nextMarkerParagraph = m + 1 < markers.size() ? markers.get(m + 1).paragraph : paragraphs.size();
            Paragraph headline = paragraphs.get(marker.paragraph);
            int end = headline.end();
            String body = "";
            if (nextMarkerParagraph > marker.paragraph + 1) {
                Paragraph firstBody = paragraphs.get(marker.paragraph + 1);
                Paragraph lastBody = paragraphs.get(nextMarkerParagraph - 1);
                end = lastBody.end();
                body = cleanText.substring(firstBody.start(), lastBody.end());
            }
            entries.add(new LiveBlogEntry(stamp.headline, body, headline.start(), end, stamp.time, stamp.zone,
                    stamp.zoneWritten, day, instant));
        }
        return List.copyOf(entries);
    }

    private static Instant toInstant(LocalDate day, ClockStamp stamp) {
        return LocalDateTime.of(day, stamp.time).toInstant(stamp.zone.offset());
    }

    /** Compares consecutive entries (within a day header's span) in UTC minutes of the day. */
    private static boolean isNewestFirst(List<Marker> markers) {
        int descents = 0;
        int ascents = 0;
        int previousMinutes = -1;
        for (Marker marker : markers) {
            if (marker.header != null) {
                previousMinutes = -1;
                continue;
            }
            int minutes = Math.floorMod(marker.stamp.time.getHour() * 60 + marker.stamp.time.getMinute()
                    - marker.stamp.zone.offset().getTotalSeconds() / 60, 24 * 60);
            if (previousMinutes >= 0) {
                if (minutes < previousMinutes) {
                    descents++;
                } else if (minutes > previousMinutes) {
                    ascents++;
                }
            }
            previousMinutes = minutes;
        }
        return descents >= ascents;
    }

    /**
     * Reads "2036 GMT —", "14:05 BST", "10:32am:", "10.32 CET -", "9am" at the start of a paragraph.
     * Compact times (2036) need a zone, bare hours need am/pm, and H:MM needs a zone, am/pm or a separator,
     * so that "1.50 euros" or "2023 was" never count.
     */
    static ClockStamp readClockStamp(String text) {
        int limit = Math.min(text.length(), CLOCK_WINDOW);
        int p = 0;
        int value = 0;
        int digits = 0;
        while (p < limit && digits < 5 && isDigit(text.charAt(p))) {
            value = value * 10 + (text.charAt(p) - '0');
            p++;
            digits++;
        }
        if (digits == 0 || digits > 4) {
            return null;
        }
        int hour;
        int minute;
        boolean compact = false;
        boolean colonForm = false;
        if (digits >= 3) {
            hour = value / 100;
            minute = value % 100;
            compact = true;
        } else if (p + 2 < limit && (text.charAt(p) == ':' || text.charAt(p) == '.')
                && isDigit(text.charAt(p + 1)) && isDigit(text.charAt(p + 2))
                && (p + 3 >= text.length() || !isDigit(text.charAt(p + 3)))) {
            hour = value;
            minute = (text.charAt(p + 1) - '0') * 10 + (text.charAt(p + 2) - '0');
            p += 3;
            colonForm = true;
        } else {
            hour = value;
            minute = 0;
        }
        int afterTime = p;
        p = skipSpaces(text, p, limit);
        int meridiem = readMeridiem(text, p, limit); // 0 none, 1 am, 2 pm; consumed length in high bits
        boolean hasMeridiem = meridiem != 0;
        if (hasMeridiem) {
            p += meridiem >>> 2;
        } else {
            p = afterTime;
        }
        int beforeZone = p;
        p = skipSpaces(text, p, limit);
        ClockZone zone = null;
        int zoneEnd = p;
        while (zoneEnd < limit && zoneEnd - p < 5 && Character.isLetter(text.charAt(zoneEnd))) {
            zoneEnd++;
        }
        if (zoneEnd > p && (zoneEnd >= text.length() || !Character.isLetter(text.charAt(zoneEnd)))) {
            zone = ClockZone.fromAbbreviation(text.substring(p, zoneEnd));
        }
        if (zone != null) {
            p = zoneEnd;
        } else {
            p = beforeZone;
        }
        int beforeSeparator = p;
        p = skipSpaces(text, p, limit);
        boolean separator = false;
        while (p < limit && p - beforeSeparator < 4 && isSeparator(text.charAt(p))) {
            p++;
            separator = true;
        }
        if (!separator) {
            p = beforeSeparator;
        }
        boolean endsHere = skipAllSpaces(text, p) == text.length();

        if (compact && zone == null) {
            return null;
        }
        if (!compact && !colonForm && !hasMeridiem) {
            return null;
        }
        if (colonForm && zone == null && !hasMeridiem && !separator) {
            return null;
        }
        if (!separator && !endsHere && zone == null && !hasMeridiem) {
            return null;
        }
        if (!separator && !endsHere && p < text.length() && !Paragraph.isSpace(text.charAt(p))) {
            return null; // "10:32amX": the time runs into a word
        }
        if (hasMeridiem) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = (meridiem & 3) == 2;
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        String headline = Paragraph.trim(text.substring(Math.min(p, text.length())));
        return new ClockStamp(LocalTime.of(hour, minute), zone == null ? ClockZone.UTC : zone, zone != null,
                headline);
    }

    /** am / pm / a.m. / p.m. at {@code p}: returns (length << 2) | (1 for am, 2 for pm), or 0. */
    private static int readMeridiem(String text, int p, int limit) {
        if (p >= limit) {
            return 0;
        }
        char first = Character.toLowerCase(text.charAt(p));
        if (first != 'a' && first != 'p') {
            return 0;
        }
        int kind = first == 'a' ? 1 : 2;
        int q = p + 1;
        if (q < limit && text.charAt(q) == '.') {
            q++;
        }
        if (q >= limit || Character.toLowerCase(text.charAt(q)) != 'm') {
            return 0;
        }
        q++;
        if (q < limit && text.charAt(q) == '.') {
            q++;
        }
        if (q < text.length() && Character.isLetter(text.charAt(q))) {
            return 0; // "10 amazing ..." is not a time
        }
        return ((q - p) << 2) | kind;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014' || c == ':' || c == '|' || c == '\u2022';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipSpaces(String text, int p, int limit) {
        while (p < limit && Paragraph.isSpace(text.charAt(p))) {
            p++;
        }
        return p;
    }

    private static int skipAllSpaces(String text, int p) {
        int q = p;
        while (q < text.length() && Paragraph.isSpace(text.charAt(q))) {
            q++;
            if (q - p > CLOCK_WINDOW) {
                return -1; // a long run of spaces: not "nothing after the time"
            }
        }
        return q;
    }

    record ClockStamp(LocalTime time, ClockZone zone, boolean zoneWritten, String headline) {
    }

    private record Marker(int paragraph, ClockStamp stamp, TextDate header) {
    }
}
