package io.sitrep.entities.nlp;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds date expressions and resolves them against a reference date (the article's, or a live-blog entry's):
 * absolute ("7 March 2023", "March 7", "May 22nd", "22nd May, 2023", "May 2022", "2023-03-07"), deictic
 * ("today", "yesterday", "tomorrow"), weekdays ("on Monday" = the most recent Monday up to the reference day,
 * "next Monday" = the coming one, "last Monday" = strictly before), and periods ("last week", "this month",
 * "next year"). A year-less date takes the year that puts it nearest the reference. Text is scanned once into
 * word tokens and matched by lookahead of at most four tokens: no regular expressions, no backtracking.
 */
public final class RelativeDateNormalizer {

    private record Token(int start, int end, String text) {
        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    public List<DateMention> normalise(String text, LocalDate reference) {
        return normalise(text, 0, text.length(), reference);
    }

    /** Date expressions within [from, to) of text, resolved against reference. */
    public List<DateMention> normalise(String text, int from, int to, LocalDate reference) {
        List<Token> tokens = tokens(text, from, to);
        List<DateMention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int next = matchAt(text, tokens, i, reference, out);
            i = next > i ? next : i + 1;
        }
        return out;
    }

    /**
     * Live blog: each paragraph is resolved against its entry's day. A paragraph that is just a full date
     * ("Wednesday, March 8, 2023") sets the day; in a reverse-chronological blog a time stamp later than the
     * previous one ("0640 GMT" then "2300 GMT") means the entries have crossed into the previous day.
     */
    public List<DateMention> normaliseLiveBlog(String text, LocalDate publicationDate) {
        List<DateMention> out = new ArrayList<>();
        LocalDate day = publicationDate;
        int previousMinutes = -1;
        Boolean newestFirst = null;
        for (TextBlocks.Paragraph p : TextBlocks.of(text).paragraphs()) {
            List<DateMention> found = normalise(text, p.start(), p.end(), day);
            if (found.size() == 1 && isWholeParagraph(text, p, found.get(0)) && found.get(0).rule().startsWith("absolute")
                    && found.get(0).date().equals(found.get(0).lastDay())) {
                day = found.get(0).date();
                previousMinutes = -1;
            } else if (p.timeStamp() != null) {
                int minutes = minutes(p.timeStamp());
                if (previousMinutes >= 0 && minutes >= 0 && minutes != previousMinutes) {
                    if (newestFirst == null) newestFirst = minutes < previousMinutes;
                    if (newestFirst && minutes > previousMinutes) day = day.minusDays(1);
                    if (!newestFirst && minutes < previousMinutes) day = day.plusDays(1);
                }
                if (minutes >= 0) previousMinutes = minutes;
                found = normalise(text, p.start(), p.end(), day);
            }
            out.addAll(found);
        }
        return out;
    }

    private static boolean isWholeParagraph(String text, TextBlocks.Paragraph p, DateMention d) {
        for (int i = p.start(); i < p.end(); i++) {
            if ((i < d.start() || i >= d.end()) && Character.isLetterOrDigit(text.charAt(i))) return false;
        }
        return true;
    }

    /** Minutes after midnight of "2036 GMT", "20:36", "8:15 pm"; -1 if unreadable. */
    static int minutes(String stamp) {
        String digits = stamp.replaceAll("[^0-9]", "");
        if (digits.length() < 3 || digits.length() > 4) return -1;
        int value = Integer.parseInt(digits);
        int h = value / 100, m = value % 100;
        String lower = stamp.toLowerCase(Locale.ROOT);
        if (lower.endsWith("pm") && h < 12) h += 12;
        if (lower.endsWith("am") && h == 12) h = 0;
        return h < 24 && m < 60 ? h * 60 + m : -1;
    }

    /** Tries every rule at token i; returns the index after the match, or i when nothing matched. */
    private int matchAt(String text, List<Token> t, int i, LocalDate ref, List<DateMention> out) {
        int absolute = absoluteAt(text, t, i, ref, out);
        if (absolute > i) return absolute;
        String w = t.get(i).lower();
        switch (w) {
            case "today", "tonight" -> { return add(text, t, i, i, ref, ref, ref, "deictic", out); }
            case "yesterday" -> { return add(text, t, i, i, ref.minusDays(1), ref.minusDays(1), ref, "deictic", out); }
            case "tomorrow" -> { return add(text, t, i, i, ref.plusDays(1), ref.plusDays(1), ref, "deictic", out); }
            default -> { }
        }
        if ((w.equals("last") || w.equals("next") || w.equals("this") || w.equals("past")) && i + 1 < t.size()
                && adjacent(text, t.get(i), t.get(i + 1))) {
            int period = periodAt(text, t, i, ref, out);
            if (period > i) return period;
        }
        DayOfWeek dow = DateWords.weekday(t.get(i).text());
        if (dow != null && Character.isUpperCase(t.get(i).text().charAt(0))) {
            LocalDate d = futureTense(text, t.get(i).start()) ? upcoming(ref, dow, true) : mostRecent(ref, dow, true);
            return add(text, t, i, i, d, d, ref, "weekday", out);
        }
        return i;
    }

    /** "last week", "next month", "this year", "last Monday", "next Friday". */
    private int periodAt(String text, List<Token> t, int i, LocalDate ref, List<DateMention> out) {
        String which = t.get(i).lower();
        int shift = which.equals("next") ? 1 : which.equals("this") ? 0 : -1;
        String unit = t.get(i + 1).lower();
        DayOfWeek dow = DateWords.weekday(unit);
        if (dow != null) {
            LocalDate d = shift > 0 ? upcoming(ref, dow, false) : shift < 0 ? mostRecent(ref, dow, false) : mostRecent(ref, dow, true);
            return add(text, t, i, i + 1, d, d, ref, which + " weekday", out);
        }
        switch (unit) {
            case "week" -> {
                LocalDate monday = ref.plusWeeks(shift).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return add(text, t, i, i + 1, monday, monday.plusDays(6), ref, which + " week", out);
            }
            case "month" -> {
                LocalDate first = ref.plusMonths(shift).withDayOfMonth(1);
                return add(text, t, i, i + 1, first, first.with(TemporalAdjusters.lastDayOfMonth()), ref, which + " month", out);
            }
            case "year" -> {
                LocalDate first = ref.plusYears(shift).withDayOfYear(1);
                return add(text, t, i, i + 1, first, first.with(TemporalAdjusters.lastDayOfYear()), ref, which + " year", out);
            }
            default -> { return i; }
        }
    }

    /** [Weekday,] Month Day[,] [Year] | Day Month [Year] | Month Year | YYYY-MM-DD. */
    private int absoluteAt(String text, List<Token> t, int i, LocalDate ref, List<DateMention> out) {
        int first = i;
        if (DateWords.weekday(t.get(i).text()) != null && i + 1 < t.size() && adjacent(text, t.get(i), t.get(i + 1))) i++;
        int month = DateWords.month(t.get(i).text());
        if (month > 0 && i + 1 < t.size() && adjacent(text, t.get(i), t.get(i + 1))) {
            int day = DateWords.day(t.get(i + 1).text());
            int year = DateWords.year(t.get(i + 1).text());
            if (day > 0) {
                int y = i + 2 < t.size() && adjacent(text, t.get(i + 1), t.get(i + 2)) ? DateWords.year(t.get(i + 2).text()) : 0;
                return day(text, t, first, y > 0 ? i + 2 : i + 1, y, month, day, ref, out);
            }
            if (year > 0 && first == i) {
                LocalDate d = LocalDate.of(year, month, 1);
                return add(text, t, i, i + 1, d, d.with(TemporalAdjusters.lastDayOfMonth()), ref, "absolute month", out);
            }
        }
        int day = DateWords.day(t.get(i).text());
        if (day > 0 && i + 1 < t.size() && adjacent(text, t.get(i), t.get(i + 1))) {
            int m = DateWords.month(t.get(i + 1).text());
            if (m > 0) {
                int y = i + 2 < t.size() && adjacent(text, t.get(i + 1), t.get(i + 2)) ? DateWords.year(t.get(i + 2).text()) : 0;
                return day(text, t, first, y > 0 ? i + 2 : i + 1, y, m, day, ref, out);
            }
        }
        if (first == i && DateWords.year(t.get(i).text()) > 0 && i + 2 < t.size()
                && text.charAt(t.get(i).end()) == '-' && t.get(i + 1).start() == t.get(i).end() + 1
                && text.charAt(t.get(i + 1).end()) == '-' && t.get(i + 2).start() == t.get(i + 1).end() + 1
                && t.get(i + 1).text().length() == 2 && t.get(i + 2).text().length() == 2) {
            int mm = Integer.parseInt(t.get(i + 1).text()), dd = DateWords.day(t.get(i + 2).text());
            return day(text, t, i, i + 2, DateWords.year(t.get(i).text()), mm, dd, ref, out);
        }
        return first;
    }

    private int day(String text, List<Token> t, int first, int last, int year, int month, int day, LocalDate ref,
                    List<DateMention> out) {
        try {
            LocalDate d = year > 0 ? LocalDate.of(year, month, day) : nearestYear(month, day, ref);
            return add(text, t, first, last, d, d, ref, year > 0 ? "absolute" : "absolute, year inferred", out);
        } catch (DateTimeException invalid) {          // "February 30"
            return first;
        }
    }

    private static LocalDate nearestYear(int month, int day, LocalDate ref) {
        LocalDate best = null;
        for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
            try {
                LocalDate d = LocalDate.of(y, month, day);
                if (best == null || Math.abs(d.toEpochDay() - ref.toEpochDay()) < Math.abs(best.toEpochDay() - ref.toEpochDay())) best = d;
            } catch (DateTimeException ignored) {      // February 29 outside leap years
            }
        }
        if (best == null) throw new DateTimeException("no such day");
        return best;
    }

    /** Most recent dow up to ref (inclusive when sameDayCounts: "on Wednesday" in a Wednesday article is today). */
    static LocalDate mostRecent(LocalDate ref, DayOfWeek dow, boolean sameDayCounts) {
        return ref.with(sameDayCounts ? TemporalAdjusters.previousOrSame(dow) : TemporalAdjusters.previous(dow));
    }

    static LocalDate upcoming(LocalDate ref, DayOfWeek dow, boolean sameDayCounts) {
        return ref.with(sameDayCounts ? TemporalAdjusters.nextOrSame(dow) : TemporalAdjusters.next(dow));
    }

    /** "will meet on Friday": a future auxiliary earlier in the same sentence (bounded look-back). */
    private static boolean futureTense(String text, int at) {
        int from = Math.max(0, at - 80);
        for (int i = at - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == '\n' || c == '!' || c == '?') {
                from = i + 1;
                break;
            }
        }
        String before = " " + text.substring(from, at).toLowerCase(Locale.ROOT) + " ";
        return before.contains(" will ") || before.contains("'ll ") || before.contains(" going to ") || before.contains(" scheduled ");
    }

    private static int add(String text, List<Token> t, int first, int last, LocalDate date, LocalDate lastDay, LocalDate ref,
                           String rule, List<DateMention> out) {
        int s = t.get(first).start(), e = t.get(last).end();
        out.add(new DateMention(s, e, text.substring(s, e), date, lastDay, ref, rule));
        return last + 1;
    }

    /** Same line, separated only by a few spaces, commas or a dot ("Mar. 7", "March 8, 2023"). */
    private static boolean adjacent(String text, Token a, Token b) {
        int gap = b.start() - a.end();
        if (gap < 1 || gap > 3) return false;
        for (int i = a.end(); i < b.start(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != ',' && c != '.' && c != '\u00A0') return false;
        }
        return true;
    }

    private static List<Token> tokens(String text, int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int e = i;
            while (e < to && Character.isLetterOrDigit(text.charAt(e))) e++;
            out.add(new Token(i, e, text.substring(i, e)));
            i = e;
        }
        return out;
    }
}
