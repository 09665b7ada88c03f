package io.sitrep.ingest.pipeline;

import java.time.Month;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads English calendar dates as newsrooms write them: "March 8, 2023", "Wednesday, March 8, 2023",
 * "8 March 2023", "22nd May, 2023", "Sept. 3", plus ISO "2023-03-08" on a line of its own.
 *
 * <p>Hand-written scanner rather than a regular expression: every token has a fixed maximum length, so the
 * work per call is bounded by a small constant no matter what the input holds (no backtracking).
 */
public final class EnglishDateParser {

    /** Date lines longer than this are sentences that happen to contain a date, not date lines. */
    static final int MAX_DATE_LINE_LENGTH = 80;
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;
    private static final int MAX_WORD_LENGTH = 12;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1),
            Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("june", 6), Map.entry("jun", 6),
            Map.entry("july", 7), Map.entry("jul", 7),
            Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9),
            Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("december", 12), Map.entry("dec", 12));

    private static final Set<String> WEEKDAYS = Set.of(
            "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs",
            "friday", "fri", "saturday", "sat", "sunday", "sun");

    /** Labels that may precede a date on a date line ("Published: March 8, 2023"). Longest first. */
    private static final String[] DATE_LINE_LABELS = {
            "first published on", "first published", "last updated on", "last updated", "published on",
            "published", "updated on", "updated", "posted on", "posted", "date"};

    /** What may follow the date on a date line: a clock time and zone. Input is at most 80 chars. */
    private static final Pattern TIME_SUFFIX = Pattern.compile(
            "(?i)[,|\\-\u2013\u2014]?\\s{0,3}(?:at\\s{1,3})?\\d{1,2}[:.]\\d{2}(?:\\s?[ap]\\.?m\\.?)?"
                    + "(?:\\s{1,3}\\(?[a-z]{2,5}(?:[+-]\\d{1,2})?\\)?)?");

    /**
     * Parses a date that starts exactly at {@code from} (an optional weekday may come first) and ends before
     * {@code limit}.
     */
    public Optional<TextDate> parseAt(CharSequence text, int from, int limit) {
        limit = Math.min(limit, text.length());
        Cursor c = new Cursor(text, from, limit);
        String word = c.peekWord();
        if (word != null && WEEKDAYS.contains(word)) {
            c.pos += word.length();
            c.skip('.');
            boolean comma = c.skip(',');
            if (c.skipSpaces() == 0 && !comma) {
                return Optional.empty();
            }
            word = c.peekWord();
        }
        if (word != null && MONTHS.containsKey(word)) {
            return monthFirst(c, from, MONTHS.get(word), word.length());
        }
        if (c.pos < limit && isDigit(text.charAt(c.pos))) {
            return dayFirst(c, from);
        }
        return Optional.empty();
    }

    /**
     * Parses a line that is nothing but a date: optional label ("Published:", "Updated"), the date, and an
     * optional clock time ("10:32 GMT"). Offsets in the result are relative to {@code line}.
     */
    public Optional<TextDate> parseDateLine(String line) {
        if (line == null || line.length() > MAX_DATE_LINE_LENGTH) {
            return Optional.empty();
        }
        int start = 0;
        int end = line.length();
        while (start < end && Paragraph.isSpace(line.charAt(start))) {
            start++;
        }
        while (end > start && Paragraph.isSpace(line.charAt(end - 1))) {
            end--;
        }
        start = skipLabel(line, start, end);
        Optional<TextDate> date = parseIsoDate(line, start, end);
        if (date.isEmpty()) {
            date = parseAt(line, start, end);
        }
        if (date.isEmpty()) {
            return Optional.empty();
        }
        String rest = line.substring(date.get().end(), end);
        if (rest.isBlank() || TIME_SUFFIX.matcher(rest.strip()).matches()
                || TIME_SUFFIX.matcher(rest).matches()) {
            return date;
        }
        return Optional.empty();
    }

    private Optional<TextDate> monthFirst(Cursor c, int from, int month, int wordLength) {
        c.pos += wordLength;
        c.skip('.');
        if (c.skipSpaces() == 0) {
            return Optional.empty();
        }
        int day = c.readNumber(2);
        if (day < 0) {
            return Optional.empty();
        }
        c.skipOrdinalSuffix();
        int afterDay = c.pos;
        Integer year = readOptionalYear(c);
        if (year == null) {
            c.pos = afterDay;
        }
        return build(year, month, day, from, c.pos);
    }

    private Optional<TextDate> dayFirst(Cursor c, int from) {
        int day = c.readNumber(2);
        if (day < 0) {
            return Optional.empty();
        }
        c.skipOrdinalSuffix();
        c.skipSpaces();
        String word = c.peekWord();
        if ("of".equals(word)) {
            c.pos += 2;
            c.skipSpaces();
            word = c.peekWord();
        }
        if (word == null || !MONTHS.containsKey(word)) {
            return Optional.empty();
        }
        int month = MONTHS.get(word);
        c.pos += word.length();
        c.skip('.');
        int afterMonth = c.pos;
        Integer year = readOptionalYear(c);
        if (year == null) {
            c.pos = afterMonth;
        }
        return build(year, month, day, from, c.pos);
    }

    /** ", 2023" or " 2023"; leaves the cursor after the year, or anywhere when there is none. */
    private static Integer readOptionalYear(Cursor c) {
        boolean comma = c.skip(',');
        if (c.skipSpaces() == 0 && !comma) {
            return null;
        }
        int digitsStart = c.pos;
        int year = c.readNumber(4);
        if (year < 0 || c.pos - digitsStart != 4 || year < MIN_YEAR || year > MAX_YEAR) {
            return null;
        }
        return year;
    }

    private static Optional<TextDate> build(Integer year, int month, int day, int start, int end) {
        if (day < 1 || month < 1 || month > 12) {
            return Optional.empty();
        }
        int maxDay = year == null
                ? Month.of(month).maxLength()
                : Month.of(month).length(Year.isLeap(year));
        if (day > maxDay) {
            return Optional.empty();
        }
        return Optional.of(new TextDate(year, month, day, start, end));
    }

    private static Optional<TextDate> parseIsoDate(String s, int from, int end) {
        if (end - from < 10) {
            return Optional.empty();
        }
        for (int i = 0; i < 10; i++) {
            char ch = s.charAt(from + i);
            boolean dash = i == 4 || i == 7;
            if (dash ? ch != '-' : !isDigit(ch)) {
                return Optional.empty();
            }
        }
        if (from + 10 < end && isDigit(s.charAt(from + 10))) {
            return Optional.empty();
        }
        int year = Integer.parseInt(s, from, from + 4, 10);
        int month = Integer.parseInt(s, from + 5, from + 7, 10);
        int day = Integer.parseInt(s, from + 8, from + 10, 10);
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Optional.empty();
        }
        return build(year, month, day, from, from + 10);
    }

    private static int skipLabel(String line, int start, int end) {
        String lower = line.substring(start, Math.min(end, start + 24)).toLowerCase(Locale.ROOT);
        for (String label : DATE_LINE_LABELS) {
            if (lower.startsWith(label)
                    && (lower.length() == label.length() || !Character.isLetter(lower.charAt(label.length())))) {
                int p = start + label.length();
                while (p < end && (line.charAt(p) == ':' || Paragraph.isSpace(line.charAt(p)))) {
                    p++;
                }
                return p;
            }
        }
        return start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A position in a bounded window of text, with small bounded reads. */
    private static final class Cursor {
        private final CharSequence text;
        private final int limit;
        private int pos;

        Cursor(CharSequence text, int pos, int limit) {
            this.text = text;
            this.pos = pos;
            this.limit = limit;
        }

        /** The lower-cased run of ASCII letters at the cursor, or null if none or longer than a month name. */
        String peekWord() {
            int p = pos;
            while (p < limit && p - pos <= MAX_WORD_LENGTH && isAsciiLetter(text.charAt(p))) {
                p++;
            }
            if (p == pos || p - pos > MAX_WORD_LENGTH || (p < limit && Character.isLetter(text.charAt(p)))) {
                return null;
            }
            return text.subSequence(pos, p).toString().toLowerCase(Locale.ROOT);
        }

        /** Reads 1..maxDigits digits not followed by another digit; -1 (cursor unchanged) otherwise. */
        int readNumber(int maxDigits) {
            int p = pos;
            int value = 0;
            while (p < limit && p - pos < maxDigits && isDigit(text.charAt(p))) {
                value = value * 10 + (text.charAt(p) - '0');
                p++;
            }
            if (p == pos || (p < limit && isDigit(text.charAt(p)))) {
                return -1;
            }
            pos = p;
            return value;
        }

        void skipOrdinalSuffix() {
            if (pos + 2 <= limit) {
                String two = text.subSequence(pos, pos + 2).toString().toLowerCase(Locale.ROOT);
                boolean wordEnds = pos + 2 == limit || !Character.isLetter(text.charAt(pos + 2));
                if (wordEnds && (two.equals("st") || two.equals("nd") || two.equals("rd") || two.equals("th"))) {
                    pos += 2;
                }
            }
        }

        boolean skip(char expected) {
            if (pos < limit && text.charAt(pos) == expected) {
                pos++;
                return true;
            }
            return false;
        }

        int skipSpaces() {
            int start = pos;
            while (pos < limit && pos - start < 3 && Paragraph.isSpace(text.charAt(pos)) && text.charAt(pos) != '\n') {
                pos++;
            }
            return pos - start;
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
