package io.sitrep.ingest.pipeline;

import java.util.Locale;
import java.util.Set;

/**
 * Shape tests on a single trimmed line, used by {@link ScrapedTextCleaner}: is it heading-like, a byline, an
 * author biography, a name, a short fragment? Pure functions of the line; every loop is bounded by its length.
 */
final class LineShapes {

    private static final int MAX_TITLE_LENGTH = 150;
    private static final int MAX_TITLE_WORDS = 20;
    private static final int MAX_TRAILING_TEASER_WORDS = 10;
    private static final int MAX_TRAILING_TEASER_LENGTH = 80;
    private static final Set<String> BIO_ROLE_WORDS = Set.of(
            "editor", "reporter", "correspondent", "journalist", "writer", "author", "contributor", "columnist",
            "analyst", "researcher", "fellow", "professor", "producer", "freelance", "freelancer", "commentator",
            "photographer", "blogger");
    private static final Set<String> NAME_CONNECTORS = Set.of(
            "and", "&", "de", "van", "von", "der", "den", "al", "bin", "la", "le", "di", "da", "du", "dos", "el");
    /** First words that make "By ..." a phrase ("By March 2023", "By The Time") rather than a byline. */
    private static final Set<String> NOT_A_NAME_START = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "the", "a", "an", "this", "that", "then", "now", "early", "late", "mid", "end");
    private static final String[] BYLINE_PREFIXES = {
            "by ", "author: ", "authors: ", "written by ", "words by ", "reporting by ", "story by ", "text by "};

    private LineShapes() {
    }

    /** Short, no closing full stop, comma or colon, not starting in lower case: a title or subheading. */
    static boolean isHeadingLike(String line) {
        if (line.length() > MAX_TITLE_LENGTH || wordCount(line) > MAX_TITLE_WORDS) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (last == '.' || last == ',' || last == ';' || last == ':') {
            return false;
        }
        int firstLetter = 0;
        while (firstLetter < line.length() && !Character.isLetterOrDigit(line.charAt(firstLetter))) {
            firstLetter++;
        }
        // Headings start with a capital or a digit; a lower-case start is a sentence fragment.
        return firstLetter < line.length() && !Character.isLowerCase(line.charAt(firstLetter));
    }

    static boolean isFragment(String line) {
        if (line.length() > MAX_TRAILING_TEASER_LENGTH || wordCount(line) > MAX_TRAILING_TEASER_WORDS) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return ".!?\"”’')".indexOf(last) < 0;
    }

    static boolean isClosingPunctuation(String line) {
        for (int i = 0; i < line.length(); i++) {
            if ("\"”’')]»".indexOf(line.charAt(i)) < 0 && !Paragraph.isSpace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The author's name if {@code line} reads like "Jane Doe is Outlet's defence editor. ...". */
    static String bioName(String line) {
        if (line.length() < 40 || line.length() > 1_500) {
            return null;
        }
        int is = line.indexOf(" is ");
        if (is < 3 || is > 60) {
            return null;
        }
        String name = line.substring(0, is);
        if (!looksLikeName(name)) {
            return null;
        }
        int sentenceEnd = line.indexOf(". ", is);
        String firstSentence = line.substring(is, sentenceEnd < 0 ? Math.min(line.length(), is + 200) : sentenceEnd)
                .toLowerCase(Locale.ROOT);
        for (String word : ChromeLineRules.phraseKey(firstSentence).split(" ")) {
            if (BIO_ROLE_WORDS.contains(word)) {
                return name;
            }
        }
        return null;
    }

    /** The names in a byline line ("By Jane Doe and John Roe"), or {@code null} if it is not one. */
    static String bylineName(String line) {
        if (line.length() > 100) {
            return null;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        for (String prefix : BYLINE_PREFIXES) {
            if (!lower.startsWith(prefix)) {
                continue;
            }
            String rest = line.substring(prefix.length());
            int cut = indexOfAny(rest, "|•·");
            if (cut >= 0) {
                rest = rest.substring(0, cut);
            }
            rest = Paragraph.trim(rest);
            while (!rest.isEmpty() && (rest.endsWith(",") || rest.endsWith("-"))) {
                rest = Paragraph.trim(rest.substring(0, rest.length() - 1));
            }
            return looksLikeName(rest) ? rest : null;
        }
        return null;
    }

    /**
     * Capitalised words (initials, hyphens and apostrophes allowed) joined by spaces, commas, "and" or
     * particles like "van"; two to eight words; no month or weekday first ("By March 2023" is not a byline).
     */
    static boolean looksLikeName(String text) {
        if (text.isEmpty() || text.length() > 80) {
            return false;
        }
        // "Jane Doe." ends a sentence; "John Q." ends with an initial and is still a name.
        if (text.endsWith(".") && text.length() >= 2 && Character.isLowerCase(text.charAt(text.length() - 2))) {
            return false;
        }
        String[] words = text.replace(",", " ").trim().split("\\s+");
        if (words.length < 2 || words.length > 8) {
            return false;
        }
        if (isCalendarWord(words[0])) {
            return false;
        }
        for (String word : words) {
            if (NAME_CONNECTORS.contains(word.toLowerCase(Locale.ROOT)) && !word.equals(words[0])) {
                continue;
            }
            if (!Character.isUpperCase(word.charAt(0))) {
                return false;
            }
            for (int i = 1; i < word.length(); i++) {
                char c = word.charAt(i);
                if (!Character.isLetter(c) && c != '.' && c != '-' && c != '\'' && c != '’') {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isCalendarWord(String word) {
        return NOT_A_NAME_START.contains(ChromeLineRules.phraseKey(word));
    }

    static int wordCount(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Paragraph.isSpace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

}
