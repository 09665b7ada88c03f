package io.sitrep.entities.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One type per name per document. The CRF labels each occurrence separately, so "Bakhmut" can be LOCATION in
 * one sentence and PERSON in the next. Evidence, strongest first:
 * <ol>
 *   <li>a multi-word name's head word ({@link HeadWords}): "Wagner Group" and "Defence Ministry" are ORGANIZATION,
 *       "Potomac River" a LOCATION, "Battle of Antietam" MISC;</li>
 *   <li>a single word that is part of exactly one kind of longer name in the document takes that name's type:
 *       "Wagner" next to "Wagner Group", "Prigozhin" next to "Yevgeny Prigozhin";</li>
 *   <li>the type lexicon (alias knowledge base), unless the document contradicts it as above;</li>
 *   <li>the majority label of the name in the document, ties going to the earliest occurrence.</li>
 * </ol>
 */
final class TypeConsistency {
    static final String PERSON = "PERSON", ORGANIZATION = "ORGANIZATION";

    /** Words that may accompany an organisation's proper name without changing what it names. */
    private static final Set<String> ORG_DESIGNATORS = Set.of(
            "group", "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "pmc", "gmbh");

    private TypeConsistency() {}

    static List<Mention> apply(List<Mention> mentions, TypeLexicon lexicon) {
        Map<String, List<Mention>> byName = new LinkedHashMap<>();
        for (Mention m : mentions) {
            String key = NameNormalizer.normalise(m.surface());
            if (!key.isEmpty()) byName.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        Map<String, String> typeByName = new HashMap<>();
        // multi-word names first: single words borrow their type from them (indexed by first and last word)
        Map<String, List<String>> longerByEdgeWord = new HashMap<>();
        byName.forEach((key, ms) -> {
            if (key.indexOf(' ') < 0) return;
            typeByName.put(key, multiWordType(key, ms, lexicon));
            longerByEdgeWord.computeIfAbsent(key.substring(0, key.indexOf(' ')), k -> new ArrayList<>()).add(key);
            longerByEdgeWord.computeIfAbsent(key.substring(key.lastIndexOf(' ') + 1), k -> new ArrayList<>()).add(key);
        });
        byName.forEach((key, ms) -> {
            if (key.indexOf(' ') >= 0) return;
            List<String> longer = longerByEdgeWord.getOrDefault(key, List.of());
            typeByName.put(key, singleWordType(key, ms, longer, typeByName, lexicon));
        });
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            String t = typeByName.get(NameNormalizer.normalise(m.surface()));
            out.add(t == null || t.equals(m.type()) ? m : m.withType(t));
        }
        return out;
    }

    private static String multiWordType(String key, List<Mention> ms, TypeLexicon lexicon) {
        Optional<String> byHead = HeadWords.typeOf(key);
        if (byHead.isPresent()) return byHead.get();
        return lexicon.typeOf(ms.get(0).surface()).orElseGet(() -> majority(ms));
    }

    private static String singleWordType(String word, List<Mention> ms, List<String> longerNames,
                                         Map<String, String> typeByName, TypeLexicon lexicon) {
        String fromLonger = null;
        boolean conflicting = false;
        for (String longer : longerNames) {
            String inherited = inheritedType(word, longer, typeByName.get(longer));
            if (inherited == null) continue;
            if (fromLonger != null && !fromLonger.equals(inherited)) conflicting = true;
            fromLonger = inherited;
        }
        if (fromLonger != null && !conflicting) return fromLonger;
        return lexicon.typeOf(ms.get(0).surface()).orElseGet(() -> majority(ms));
    }

    /** Type a single word inherits from a longer name containing it, or null if it inherits nothing. */
    private static String inheritedType(String word, String longer, String longerType) {
        if (longer.indexOf(' ') < 0) return null;
        String[] words = longer.split(" ");
        boolean first = words[0].equals(word), last = words[words.length - 1].equals(word);
        if (longerType.equals(PERSON) && (first || last)) return PERSON;
        if (longerType.equals(ORGANIZATION) && (first || last)) {
            for (int i = 0; i < words.length; i++) {
                boolean isTheWord = (i == 0 && first) || (i == words.length - 1 && last);
                if (!isTheWord && !ORG_DESIGNATORS.contains(words[i])) return null;
            }
            return ORGANIZATION;
        }
        return null;
    }

    private static String majority(List<Mention> ms) {
        Map<String, Integer> counts = new LinkedHashMap<>();   // insertion order = first occurrence, for ties
        for (Mention m : ms) counts.merge(m.type(), 1, Integer::sum);
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
