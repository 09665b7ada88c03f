package io.sitrep.entities.resolve;

import io.sitrep.entities.nlp.RawMention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups one document's mentions into identities: same type and same {@link CanonicalKey}. */
public final class MentionResolver {

    private MentionResolver() {
    }

    public static List<ResolvedEntity> resolve(List<RawMention> mentions) {
        Map<String, List<RawMention>> groups = new LinkedHashMap<>();
        for (RawMention m : mentions) {
            String key = CanonicalKey.of(m.surface());
            if (key.isEmpty()) {
                continue;
            }
            groups.computeIfAbsent(m.type() + '\u0000' + key, k -> new ArrayList<>()).add(m);
        }
        List<ResolvedEntity> resolved = new ArrayList<>(groups.size());
        for (List<RawMention> group : groups.values()) {
            RawMention first = group.get(0);
            resolved.add(new ResolvedEntity(first.type(), CanonicalKey.of(first.surface()), displayName(group), group));
        }
        return resolved;
    }

    /** The spelling used most often; on a tie, the one seen first. */
    private static String displayName(List<RawMention> group) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        group.forEach(m -> counts.merge(m.surface(), 1, Integer::sum));
        return counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue)).orElseThrow().getKey();
    }
}
