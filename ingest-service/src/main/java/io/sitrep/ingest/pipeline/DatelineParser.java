package io.sitrep.ingest.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a dateline at the start of an article body:
 * <pre>
 *   BERLIN (Lantern Wire / Sputnik - 3rd June, 2024) The council ...
 *   KYIV, March 8 (Reuters) - Ukraine's ...
 *   WASHINGTON (AP) — The ...
 *   LONDON, May 3, 2023 (AFP) - ...
 *   KRAMATORSK, Ukraine (AP) — ...
 * </pre>
 * Grammar: PLACE [, REGION] [, DATE] [(AGENCY[/AGENCY...] [- DATE])] [DASH]. A place in capitals needs
 * either a dash or a parenthesis that names a known agency or a date; a place in Title Case needs agency or
 * date <em>and</em> a dash, because "Russia (RU) said" must not read as a dateline.
 *
 * <p>Hand-written scanner over the first {@value #WINDOW} characters of the first {@value #MAX_PARAGRAPHS}
 * paragraphs: every loop is bounded, so the cost is constant per call whatever the input.
 */
public final class DatelineParser {

    static final int WINDOW = 300;
    static final int MAX_PARAGRAPHS = 4;
    private static final int MAX_PLACE_WORDS = 4;
    private static final int MAX_PLACE_LENGTH = 40;
    private static final int MAX_REGION_WORDS = 3;
    private static final int MAX_PARENTHESIS_LENGTH = 120;
    private static final int MAX_AGENCY_LENGTH = 40;

    /** Capitalised lead-ins that look like places but are labels or organisations. */
    private static final Set<String> NOT_PLACES = Set.of(
            "breaking", "breaking news", "update", "updated", "exclusive", "watch", "live", "analysis", "opinion",
            "editorial", "news", "video", "photos", "photo", "just in", "fact check", "comment", "review",
            "interview", "explainer", "gmt", "utc", "note", "warning", "advertisement", "correction", "urgent",
            "flash", "alert", "developing", "the", "a", "an", "it", "he", "she", "they", "we", "i", "this",
            // organisations that open sentences in capitals ("EU — The bloc said ...") but are not places
            "nato", "eu", "un", "us", "uk", "usa", "who", "imf", "osce", "iaea", "opec", "asean", "g7", "g20",
            "fbi", "cia", "fsb", "sbu", "isw", "mod", "icc", "icrc", "unhcr", "unicef", "wfp", "ap", "afp");

    private final EnglishDateParser dateParser;

    public DatelineParser() {
        this(new EnglishDateParser());
    }

    public DatelineParser(EnglishDateParser dateParser) {
        this.dateParser = dateParser;
    }

    /** The dateline, without resolving a missing year. */
    public Optional<Dateline> parse(String text) {
        return parse(text, null);
    }

    /**
     * The dateline near the start of {@code text}. When the dateline's date has no year, the year is taken so
     * that the date falls closest to {@code referenceDate}; without a reference the date stays {@code null}
     * (only {@link Dateline#monthDay()} is set).
     */
    public Optional<Dateline> parse(String text, LocalDate referenceDate) {
        if (text == null) {
            return Optional.empty();
        }
        int lineStart = 0;
        int paragraphs = 0;
        while (lineStart < text.length() && paragraphs < MAX_PARAGRAPHS) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            int from = lineStart;
            while (from < lineEnd && Paragraph.isSpace(text.charAt(from))) {
                from++;
            }
            if (from < lineEnd) {
                paragraphs++;
                Optional<Dateline> dateline = parseAt(text, from, Math.min(lineEnd, from + WINDOW), referenceDate);
                if (dateline.isPresent()) {
                    return dateline;
                }
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return Optional.empty();
    }

    private Optional<Dateline> parseAt(String s, int start, int limit, LocalDate referenceDate) {
        Words place = readWords(s, start, limit, MAX_PLACE_WORDS, MAX_PLACE_LENGTH);
        if (place == null || place.letters < 2 || (!place.allCaps && !place.titleCase)
                || NOT_PLACES.contains(place.text.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        int p = place.end;
        Words region = null;
        TextDate date = null;
        if (p < limit && s.charAt(p) == ',') {
            int q = skipSpaces(s, p + 1, limit);
            date = dateParser.parseAt(s, q, limit).orElse(null);
            if (date != null) {
                p = date.end();
            } else {
                region = readWords(s, q, limit, MAX_REGION_WORDS, MAX_PLACE_LENGTH);
                if (region == null || !(region.titleCase || region.allCaps)) {
                    return Optional.empty();
                }
                p = region.end;
                if (p < limit && s.charAt(p) == ',') {
                    q = skipSpaces(s, p + 1, limit);
                    date = dateParser.parseAt(s, q, limit).orElse(null);
                    if (date == null) {
                        return Optional.empty();
                    }
                    p = date.end();
                }
            }
        }
        p = skipSpaces(s, p, limit);
        Parenthesis parenthesis = null;
        if (p < limit && s.charAt(p) == '(') {
            parenthesis = readParenthesis(s, p, limit);
            if (parenthesis == null) {
                return Optional.empty();
            }
            p = parenthesis.end;
        }
        p = skipSpaces(s, p, limit);
        boolean dash = false;
        int dashes = 0;
        while (p < limit && dashes < 3 && isDash(s.charAt(p))) {
            p++;
            dashes++;
            dash = true;
        }
        p = skipSpaces(s, p, limit);

        boolean knownAgency = parenthesis != null && parenthesis.agencies.stream().anyMatch(AgencyNames::isAgency);
        boolean datedParenthesis = parenthesis != null && parenthesis.date != null;
        boolean accepted;
        if (dash) {
            accepted = place.allCaps || parenthesis != null || date != null;
        } else {
            accepted = place.allCaps && (knownAgency || datedParenthesis);
        }
        if (!accepted) {
            return Optional.empty();
        }
        TextDate written = date != null ? date : parenthesis != null ? parenthesis.date : null;
        return Optional.of(new Dateline(
                place.allCaps ? titleCase(place.text) : place.text,
                region == null ? null : region.allCaps ? titleCase(region.text) : region.text,
                parenthesis == null ? List.of() : parenthesis.agencies,
                written == null ? null : written.resolveYear(referenceDate),
                written == null ? null : written.monthDay(),
                start, p));
    }

    /** "(Lantern Wire / Sputnik - 3rd June, 2024)", "(Reuters)", "(AP)". Null if not agency-like. */
    private Parenthesis readParenthesis(String s, int open, int limit) {
        int maxClose = Math.min(limit, open + 1 + MAX_PARENTHESIS_LENGTH);
        int close = -1;
        for (int i = open + 1; i < maxClose; i++) {
            char c = s.charAt(i);
            if (c == ')') {
                close = i;
                break;
            }
            if (c == '(' || c == '\n') {
                return null;
            }
        }
        if (close < 0) {
            return null;
        }
        String content = s.substring(open + 1, close);
        String agencyPart = content;
        TextDate date = null;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (isDash(c) || c == ',') {
                int q = skipSpaces(content, i + 1, content.length());
                TextDate candidate = dateParser.parseAt(content, q, content.length()).orElse(null);
                if (candidate != null && content.substring(candidate.end()).isBlank()) {
                    agencyPart = content.substring(0, i);
                    date = candidate;
                    break;
                }
            }
        }
        List<String> agencies = new ArrayList<>();
        for (String part : agencyPart.split("[/,;]")) {
            String agency = Paragraph.trim(part);
            if (agency.isEmpty()) {
                continue;
            }
            if (agency.length() > MAX_AGENCY_LENGTH || !Character.isUpperCase(agency.charAt(0))
                    && !Character.isDigit(agency.charAt(0))) {
                return null;
            }
            agencies.add(agency);
        }
        if (agencies.isEmpty() && date == null) {
            return null;
        }
        return new Parenthesis(agencies, date, close + 1);
    }

    /**
     * Up to {@code maxWords} capitalised words separated by single spaces. A word is letters plus inner
     * {@code . ' ’ -}. Stops before a word that breaks the capitalisation pattern of the first word.
     */
    private static Words readWords(String s, int start, int limit, int maxWords, int maxLength) {
        int p = start;
        int words = 0;
        int letters = 0;
        boolean allCaps = true;
        boolean titleCase = true;
        int end = start;
        while (p < limit && words < maxWords) {
            int wordStart = p;
            boolean wordAllCaps = true;
            int wordLetters = 0;
            while (p < limit && p - start <= maxLength) {
                char c = s.charAt(p);
                if (Character.isLetter(c)) {
                    if (!Character.isUpperCase(c)) {
                        wordAllCaps = false;
                    }
                    wordLetters++;
                } else if (!(p > wordStart && (c == '.' || c == '\'' || c == '’' || c == '-'))) {
                    break;
                }
                p++;
            }
            if (wordLetters == 0 || p - start > maxLength) {
                break;
            }
            boolean wordTitle = Character.isUpperCase(s.charAt(wordStart));
            if (words > 0 && (wordAllCaps != allCaps || !wordTitle)) {
                p = wordStart;
                break; // "KYIV Ukraine" or "Kyiv said": the place ended with the previous word
            }
            if (words == 0) {
                allCaps = wordAllCaps;
                titleCase = wordTitle;
            }
            words++;
            letters += wordLetters;
            end = p;
            if (p + 1 < limit && s.charAt(p) == ' ' && Character.isLetter(s.charAt(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        if (words == 0) {
            return null;
        }
        // A full stop after a whole word ends the sentence ("LONDON. The ..."); after initials it is part of
        // the name ("ST.", "D.C.").
        int lastWordStart = end;
        while (lastWordStart > start && s.charAt(lastWordStart - 1) != ' ') {
            lastWordStart--;
        }
        if (s.charAt(end - 1) == '.' && s.indexOf('.', lastWordStart) == end - 1 && end - lastWordStart > 4) {
            end--;
        }
        String text = s.substring(start, end);
        return new Words(text, end, letters, allCaps && letters > 1, titleCase && !allCaps);
    }

    private static String titleCase(String capitals) {
        StringBuilder out = new StringBuilder(capitals.length());
        for (String word : capitals.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            if (word.matches("(\\p{L}\\.)+")) {
                out.append(word); // initials such as D.C. stay as written
                continue;
            }
            boolean startOfPart = true;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                out.append(startOfPart ? Character.toUpperCase(c) : Character.toLowerCase(c));
                startOfPart = c == '-';
            }
        }
        return out.toString();
    }

    private static int skipSpaces(String s, int p, int limit) {
        int start = p;
        while (p < limit && p - start < 3 && Paragraph.isSpace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014' || c == '\u2012' || c == '\u2015';
    }

    private record Words(String text, int end, int letters, boolean allCaps, boolean titleCase) {
    }

    private record Parenthesis(List<String> agencies, TextDate date, int end) {
    }
}
