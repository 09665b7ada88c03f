package io.sitrep.entities.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything the quote attributor reads about one document: quote spans, paragraphs/entries, mentions outside
 * quotes (a name inside a quote is never its speaker), roles, and word/sentence scanning that skips quotes.
 * Sentences and entries end at {@link TextUnits} boundaries (live-blog entries ingest delimited) as well as at
 * the time stamps {@link TextBlocks} finds in the text.
 * Scans are bounded by {@link #WINDOW} so attribution stays linear in the number of quotes.
 */
final class QuoteContext {
    static final int WINDOW = 400;
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "jr", "sr", "vs", "no", "prof");

    final String text;
    final List<int[]> quotes;
    final TextBlocks blocks;
    final TextUnits units;
    final List<Mention> outside;
    final List<Role> roles;

    QuoteContext(String text, List<int[]> quotes, List<Mention> mentions, List<Role> roles, TextUnits units) {
        this.text = text;
        this.quotes = quotes;
        this.blocks = TextBlocks.of(text);
        this.units = units;
        this.roles = roles;
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) if (quoteAt(m.start()) < 0) out.add(m);
        this.outside = out;
    }

    /** Index of the quote span containing offset, or -1. */
    int quoteAt(int offset) {
        int lo = 0, hi = quotes.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int[] q = quotes.get(mid);
            if (offset < q[0]) hi = mid - 1;
            else if (offset >= q[1]) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /** Start of the sentence containing offset: after the last sentence end outside quotes, within the paragraph. */
    int sentenceStart(int offset) {
        int p = blocks.paragraphAt(offset);
        int floor = Math.max(Math.max(p < 0 ? 0 : blocks.paragraphs().get(p).start(), offset - WINDOW), units.at(offset).start());
        for (int i = offset - 1; i > floor; i--) {
            int q = quoteAt(i);
            if (q >= 0) {
                if (quoteEndsSentence(q)) return quotes.get(q)[1];
                i = quotes.get(q)[0];
                continue;
            }
            if (isSentenceEnd(i)) return i + 1;
        }
        return floor;
    }

    /**
     * End of the sentence going on at offset (exclusive), skipping quotes, within the paragraph. Offset is where
     * something ends (a quote's end), so the unit is that of the character before it: a quote closing an entry
     * is not continued by the next entry's "said X".
     */
    int sentenceEnd(int offset) {
        int p = blocks.paragraphAt(offset);
        int ceiling = Math.min(Math.min(p < 0 ? text.length() : blocks.paragraphs().get(p).end(), offset + WINDOW),
                units.at(Math.max(0, offset - 1)).end());
        for (int i = offset; i < ceiling; i++) {
            int q = quoteAt(i);
            if (q >= 0) {
                if (quoteEndsSentence(q)) return quotes.get(q)[1];
                i = quotes.get(q)[1] - 1;
                continue;
            }
            if (isSentenceEnd(i)) return i + 1;
        }
        return ceiling;
    }

    /** {@code …defence.” The ministry}: terminal punctuation inside the closing mark, then a capital. */
    private boolean quoteEndsSentence(int q) {
        int close = quotes.get(q)[1] - 1;
        if (close < 1 || ".!?".indexOf(text.charAt(close - 1)) < 0) return false;
        int j = close + 1;
        while (j < text.length() && QuoteFinder.isSpace(text.charAt(j))) j++;
        return j < text.length() && Character.isUpperCase(text.charAt(j));
    }

    private boolean isSentenceEnd(int i) {
        char c = text.charAt(i);
        if (c != '.' && c != '!' && c != '?') return false;
        if (i + 1 < text.length() && !QuoteFinder.isSpace(text.charAt(i + 1))) return false;
        if (c != '.') return true;
        int w = i;
        while (w > 0 && Character.isLetter(text.charAt(w - 1))) w--;
        String word = text.substring(w, i);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) return false;   // initial or U.S.
        return !ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Words (letters, inner hyphens/apostrophes) in [from, to) that are not inside a quote. */
    List<int[]> wordsOutsideQuotes(int from, int to) {
        List<int[]> out = new ArrayList<>();
        int i = Math.max(0, from);
        while (i < to) {
            int q = quoteAt(i);
            if (q >= 0) {
                i = quotes.get(q)[1];
                continue;
            }
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int e = i;
            while (e < to && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '-')) e++;
            out.add(new int[]{i, e});
            i = e;
        }
        return out;
    }

    String word(int[] span) {
        return text.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
    }

    /** Identifies the entry containing offset: its start, as entries are disjoint. */
    int entryAt(int offset) {
        return entryStart(offset);
    }

    /** Nearest PERSON mention outside quotes ending at or before offset and starting at or after floor. */
    Mention nearestPersonBefore(int offset, int floor) {
        for (int i = lastMentionBefore(offset); i >= 0; i--) {
            Mention m = outside.get(i);
            if (m.start() < floor) return null;
            if (m.type().equals("PERSON")) return m;
        }
        return null;
    }

    /** Index of the last outside-quote mention ending at or before offset, or -1 (binary search). */
    int lastMentionBefore(int offset) {
        int lo = 0, hi = outside.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (outside.get(mid).end() <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Start of the entry containing offset: the later of the in-text time-stamped entry and the unit. */
    int entryStart(int offset) {
        return Math.max(blocks.entryStart(offset), units.at(offset).start());
    }

    boolean sameUnit(int a, int b) {
        return units.at(a).equals(units.at(b));
    }
}
