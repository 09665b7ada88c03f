package io.sitrep.ingest.pipeline;

import java.util.Locale;
import java.util.Set;

/**
 * News and photo agencies whose name alone on a line is a credit, and whose name in parentheses after a
 * place makes a dateline. Matching is on the lower-cased name; the list is deliberately short and
 * conservative because a false match removes a line of text.
 */
final class AgencyNames {

    private static final Set<String> NAMES = Set.of(
            "reuters", "ap", "associated press", "afp", "agence france-presse", "agence france presse",
            "getty images", "getty", "epa", "epa-efe", "efe", "dpa", "ansa", "anadolu", "anadolu agency", "aa",
            "sputnik", "tass", "ria novosti", "ria", "interfax", "unian", "ukrinform", "xinhua", "kyodo",
            "yonhap", "upi", "bloomberg", "pti", "ani", "ians", "irna", "wam", "bernama", "belta",
            "urdupoint news", "shutterstock", "alamy", "handout", "pool", "sipa", "abaca", "zuma", "zuma press",
            "reuters tv", "ap photo", "afp photo", "file photo", "ukrainian presidential press service");

    private AgencyNames() {
    }

    static boolean isAgency(String name) {
        return NAMES.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * True for a standalone credit line: one or more agency names joined by "/", "via", "|" or ",",
     * optionally prefixed by "Photo:" or suffixed by "File" ("Reuters", "AFP/Getty Images", "Reuters/File").
     */
    static boolean isCreditLine(String line) {
        if (line.length() > 60) {
            return false;
        }
        String lower = line.toLowerCase(Locale.ROOT).strip();
        for (String prefix : new String[] {"photo:", "photograph:", "picture:", "image:", "credit:", "photo by", "©"}) {
            if (lower.startsWith(prefix)) {
                lower = lower.substring(prefix.length()).strip();
                break;
            }
        }
        if (lower.isEmpty()) {
            return false;
        }
        String[] parts = lower.split("\\s*(?:/|\\||,|\\bvia\\b)\\s*");
        boolean anyAgency = false;
        for (String part : parts) {
            String name = part.replaceAll("[.()\\[\\]]", "").strip();
            if (name.isEmpty() || name.equals("file") || name.equals("file photo") || name.equals("handout")) {
                continue;
            }
            if (!NAMES.contains(name)) {
                return false;
            }
            anyAgency = true;
        }
        return anyAgency;
    }
}
