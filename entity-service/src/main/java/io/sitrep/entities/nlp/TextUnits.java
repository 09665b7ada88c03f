package io.sitrep.entities.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A text cut into units that are analysed on their own: each live-blog entry ingest delimited, and each stretch
 * of text before, between or after entries. A sentence, a quote or a "he said" never spans two units: entries
 * are written at different times, often by different people, so a pronoun in one is not about a person named
 * only in another. Offsets stay those of the whole text. Entries that overlap an earlier one or fall outside
 * the text are ignored (the earlier entry wins), so units always tile the text exactly.
 */
public final class TextUnits {

    /** [start, end) of the whole text; {@code segment} is the entry's ordinal, or null between entries. */
    public record Unit(int start, int end, Integer segment) {
    }

    /** One live-blog entry as offsets into the text. */
    public record Span(int ordinal, int start, int end) {
    }

    private final List<Unit> units;

    private TextUnits(List<Unit> units) {
        this.units = List.copyOf(units);
    }

    public static TextUnits whole(String text) {
        return of(text, List.of());
    }

    public static TextUnits of(String text, List<Span> entries) {
        List<Span> valid = entries.stream()
                .filter(s -> s.start() >= 0 && s.start() < s.end() && s.end() <= text.length())
                .sorted(Comparator.comparingInt(Span::start)).toList();
        List<Unit> out = new ArrayList<>();
        int pos = 0;
        for (Span s : valid) {
            if (s.start() < pos) continue;
            if (s.start() > pos) out.add(new Unit(pos, s.start(), null));
            out.add(new Unit(s.start(), s.end(), s.ordinal()));
            pos = s.end();
        }
        if (pos < text.length() || out.isEmpty()) out.add(new Unit(pos, text.length(), null));
        return new TextUnits(out);
    }

    public List<Unit> units() {
        return units;
    }

    /** The unit containing offset (the last one for offsets at or past the end). */
    public Unit at(int offset) {
        int lo = 0, hi = units.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (units.get(mid).start() <= offset) lo = mid;
            else hi = mid - 1;
        }
        return units.get(lo);
    }

    /** Ordinal of the live-blog entry containing offset, or null outside entries. */
    public Integer segmentAt(int offset) {
        return at(offset).segment();
    }
}
