package io.sitrep.entities.resolve;

import io.sitrep.entities.nlp.Mention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups the cleaned mentions of one document into entities.
 * Step 1: names that the {@link CrossDocumentMatcher} judges identical (spelling variants, aliases, acronyms)
 * are merged. Step 2: a one-word name is attached to a longer name of the same type — "Stoltenberg" to
 * "Jens Stoltenberg", "Wagner" to "Wagner Group" — only if exactly one longer entity fits; with two candidates
 * ("Biden": Joe or Hunter) the short name stays an entity of its own.
 */
public final class WithinDocumentResolver {

    private static final Set<String> ORG_DESIGNATORS = Set.of(
            "group", "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "pmc", "gmbh");

    private final CrossDocumentMatcher matcher;

    public WithinDocumentResolver(CrossDocumentMatcher matcher) {
        this.matcher = matcher;
    }

    /** A set of mentions sharing one normalised name and type; the unit that gets merged. */
    private static final class Cluster {
        final String type;
        final List<Mention> mentions = new ArrayList<>();
        final List<NameKey> names = new ArrayList<>();
        Cluster target;          // non-null once merged into another cluster

        Cluster(String type) {
            this.type = type;
        }

        Cluster root() {
            Cluster c = this;
            while (c.target != null) c = c.target;
            if (target != null && target != c) target = c;      // path compression keeps later look-ups short
            return c;
        }
    }

    public List<DocumentEntity> resolve(List<Mention> mentions) {
        List<Cluster> clusters = exactNameClusters(mentions);
        mergeMatchingNames(clusters);
        attachPartialNames(clusters);
        Map<Cluster, List<Mention>> byRoot = new LinkedHashMap<>();
        for (Cluster c : clusters) byRoot.computeIfAbsent(c.root(), k -> new ArrayList<>()).addAll(c.mentions);
        List<DocumentEntity> out = new ArrayList<>();
        byRoot.forEach((root, ms) -> {
            ms.sort(Comparator.comparingInt(Mention::start));
            out.add(new DocumentEntity(displayName(ms), root.type, ms));
        });
        out.sort(Comparator.comparingInt(DocumentEntity::firstStart));
        return out;
    }

    private static List<Cluster> exactNameClusters(List<Mention> mentions) {
        Map<String, Cluster> byKey = new LinkedHashMap<>();
        for (Mention m : mentions) {
            NameKey key = NameKey.of(m.surface());
            if (key.isEmpty()) continue;
            Cluster c = byKey.computeIfAbsent(m.type() + "|" + key.normalised(), k -> new Cluster(m.type()));
            if (c.mentions.isEmpty()) c.names.add(key);
            c.mentions.add(m);
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * Merges clusters the matcher judges identical, comparing only clusters that share a blocking key.
     * Acronym keys are split by side (one-word acronym vs multi-word expansion) because only such pairs can
     * match by acronym; otherwise every multi-word name with the same initials would be compared.
     * Merging is complete-link: every name of one group must match every name of the other, so that
     * "J. Biden" cannot chain "Joe Biden" and "Jill Biden" into one person.
     */
    private void mergeMatchingNames(List<Cluster> clusters) {
        Map<String, List<Cluster>> byKey = new HashMap<>();
        Map<Cluster, List<NameKey>> groupNames = new HashMap<>();
        for (Cluster c : clusters) groupNames.put(c, new ArrayList<>(c.names));
        for (Cluster c : clusters) {
            NameKey name = c.names.get(0);
            for (String key : matcher.blockingKeys(name.original(), c.type)) {
                String mine = key, theirs = key;
                if (CrossDocumentMatcher.isAcronymKey(key)) {
                    mine = key + (name.size() == 1 ? "#short" : "#long");
                    theirs = key + (name.size() == 1 ? "#long" : "#short");
                }
                for (Cluster other : byKey.getOrDefault(theirs, List.of())) {
                    Cluster into = other.root(), from = c.root();
                    if (into == from || !matcher.match(other.names.get(0), c.type, name, c.type).same()) continue;
                    if (!allMatch(groupNames.get(into), groupNames.get(from), c.type)) continue;
                    from.target = into;
                    groupNames.get(into).addAll(groupNames.remove(from));
                }
                byKey.computeIfAbsent(mine, k -> new ArrayList<>()).add(c);
            }
        }
    }

    private boolean allMatch(List<NameKey> a, List<NameKey> b, String type) {
        for (NameKey x : a) for (NameKey y : b) if (!matcher.match(x, type, y, type).same()) return false;
        return true;
    }

    private void attachPartialNames(List<Cluster> clusters) {
        // all names of each merged group, so "Zelenskyy" can attach through any spelling of the full name
        Map<Cluster, List<NameKey>> namesByRoot = new LinkedHashMap<>();
        for (Cluster c : clusters) namesByRoot.computeIfAbsent(c.root(), k -> new ArrayList<>()).addAll(c.names);
        // multi-word groups indexed by their first and last words, so each short name looks at a few candidates
        Map<String, Set<Cluster>> byWord = new HashMap<>();
        namesByRoot.forEach((root, names) -> {
            for (NameKey n : names) {
                if (n.size() < 2) continue;
                for (String w : List.of(n.folded().get(0), n.folded().get(n.size() - 1), misspellingKey(n.folded().get(n.size() - 1)))) {
                    byWord.computeIfAbsent(root.type + "|" + w, k -> new HashSet<>()).add(root);
                }
            }
        });
        // candidates are decided against the state after step 1, so attachment order cannot matter
        Map<Cluster, Cluster> attachments = new HashMap<>();
        namesByRoot.forEach((shortRoot, shortNames) -> {
            if (shortNames.stream().anyMatch(n -> n.size() > 1)) return;
            Set<Cluster> candidates = new HashSet<>();
            for (NameKey n : shortNames) {
                String word = n.folded().get(0);
                Set<Cluster> possible = new HashSet<>(byWord.getOrDefault(shortRoot.type + "|" + word, Set.of()));
                possible.addAll(byWord.getOrDefault(shortRoot.type + "|" + misspellingKey(word), Set.of()));
                for (Cluster longRoot : possible) {
                    if (longRoot != shortRoot && contains(longRoot.type, namesByRoot.get(longRoot), word)) candidates.add(longRoot);
                }
            }
            if (candidates.size() == 1) attachments.put(shortRoot, candidates.iterator().next());
        });
        attachments.forEach((s, l) -> s.target = l);
    }

    private static String misspellingKey(String word) {
        return "~" + word.charAt(0) + (word.length() > 2 ? word.substring(word.length() - 2) : word);
    }

    /** Is {@code word} the first or last name of a multi-word person name, or the proper part of an "X Group"? */
    private static boolean contains(String type, List<NameKey> names, String word) {
        for (NameKey n : names) {
            if (n.size() < 2) continue;
            String first = n.folded().get(0), last = n.folded().get(n.size() - 1);
            if (type.equals("PERSON")) {
                if (word.equals(first) || word.equals(last) || Misspellings.likelySameWord(word, last)) return true;
            } else if (type.equals("ORGANIZATION")) {
                if ((word.equals(first) || word.equals(last)) && othersAreDesignators(n, word)) return true;
            }
        }
        return false;
    }

    private static boolean othersAreDesignators(NameKey n, String word) {
        boolean skipped = false;
        for (String t : n.folded()) {
            if (!skipped && t.equals(word)) {
                skipped = true;
            } else if (!ORG_DESIGNATORS.contains(t)) {
                return false;
            }
        }
        return true;
    }

    /** Longest name (in words, honorifics aside), then the most frequent spelling of it, then the earliest. */
    static String displayName(List<Mention> mentions) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (Mention m : mentions) count.merge(m.surface(), 1, Integer::sum);
        String best = null;
        int bestWords = -1, bestCount = -1;
        for (Map.Entry<String, Integer> e : count.entrySet()) {
            int words = NameKey.of(e.getKey()).size();
            if (words > bestWords || (words == bestWords && e.getValue() > bestCount)) {
                best = e.getKey();
                bestWords = words;
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
