package io.sitrep.entities.nlp;

import java.time.DayOfWeek;
import java.util.Map;

/** Month and weekday names as they appear in English news (full names and common abbreviations). */
final class DateWords {
    private DateWords() {}

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7), Map.entry("jul", 7),
            Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sep", 9),
            Map.entry("sept", 9), Map.entry("october", 10), Map.entry("oct", 10), Map.entry("november", 11),
            Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of(
            "monday", DayOfWeek.MONDAY, "tuesday", DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY,
            "thursday", DayOfWeek.THURSDAY, "friday", DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY,
            "sunday", DayOfWeek.SUNDAY);

    /** Month number for a capitalised month word ("May" but not the modal "may"), else 0. */
    static int month(String token) {
        if (token.isEmpty() || !Character.isUpperCase(token.charAt(0))) return 0;
        return MONTHS.getOrDefault(token.toLowerCase(java.util.Locale.ROOT), 0);
    }

    static DayOfWeek weekday(String token) {
        return WEEKDAYS.get(token.toLowerCase(java.util.Locale.ROOT));
    }

    /** Day of month from "7", "07", "22nd", "1st"; 0 if not a day. */
    static int day(String token) {
        int i = 0, value = 0;
        while (i < token.length() && i < 2 && Character.isDigit(token.charAt(i))) value = value * 10 + (token.charAt(i++) - '0');
        if (i == 0 || value < 1 || value > 31) return 0;
        String suffix = token.substring(i).toLowerCase(java.util.Locale.ROOT);
        return suffix.isEmpty() || suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th") ? value : 0;
    }

    /** Four-digit year between 1900 and 2199, else 0. */
    static int year(String token) {
        if (token.length() != 4) return 0;
        for (int i = 0; i < 4; i++) if (!Character.isDigit(token.charAt(i))) return 0;
        int y = Integer.parseInt(token);
        return y >= 1900 && y < 2200 ? y : 0;
    }
}
