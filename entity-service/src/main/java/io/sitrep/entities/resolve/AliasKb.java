package io.sitrep.entities.resolve;

import io.sitrep.entities.nlp.TypeLexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Alias knowledge base: (type, alias) to canonical name, keyed by the folded alias so that spelling variants
 * which transliteration folding already unifies hit the same entry. Loaded from a TSV resource
 * (canonical TAB type TAB alias) plus the nationalities of {@link Demonyms} (type NORP); an alias claimed by two
 * canonicals of one type is dropped as ambiguous.
 */
public final class AliasKb implements TypeLexicon {

    private static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION", "MISC", Demonyms.NORP);

    private final Map<String, String> canonicalByKey;
    private final Map<String, List<String>> aliasesByCanonical;

    private AliasKb(Map<String, String> canonicalByKey, Map<String, List<String>> aliasesByCanonical) {
        this.canonicalByKey = Map.copyOf(canonicalByKey);
        Map<String, List<String>> copy = new HashMap<>();
        aliasesByCanonical.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.aliasesByCanonical = Map.copyOf(copy);
    }

    /** One knowledge-base line: an alias of a canonical name of one type. */
    public record Row(String canonical, String type, String alias) {
    }

    /** aliases.tsv and the nationalities of demonyms.tsv. */
    public static AliasKb loadDefault() {
        List<Row> rows = new ArrayList<>(rows(AliasKb.class.getResourceAsStream("aliases.tsv")));
        rows.addAll(Demonyms.loadDefault().aliasRows());
        return of(rows);
    }

    public static AliasKb load(InputStream tsv) {
        return of(rows(tsv));
    }

    private static List<Row> rows(InputStream tsv) {
        if (tsv == null) throw new IllegalStateException("alias resource missing");
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 3) throw new IllegalStateException("bad alias line: " + line);
                rows.add(new Row(f[0].trim(), f[1].trim(), f[2].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public static AliasKb of(List<Row> rows) {
        Map<String, String> map = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Map<String, List<String>> aliases = new HashMap<>();
        for (Row row : rows) {
            aliases.computeIfAbsent(row.type() + "|" + row.canonical(), k -> new ArrayList<>()).add(row.alias());
            for (String alias : new String[]{row.alias(), row.canonical()}) {
                String key = key(row.type(), NameKey.of(alias));
                String previous = map.putIfAbsent(key, row.canonical());
                if (previous != null && !previous.equals(row.canonical())) ambiguous.add(key);
            }
        }
        ambiguous.forEach(map::remove);
        return new AliasKb(map, aliases);
    }

    private static String key(String type, NameKey name) {
        return type + "|" + name.foldedKey();
    }

    public Optional<String> canonical(String type, NameKey name) {
        return Optional.ofNullable(canonicalByKey.get(key(type, name)));
    }

    /** Every alias listed for a canonical name of the given type (the canonical name itself included if listed). */
    public List<String> aliases(String type, String canonical) {
        return aliasesByCanonical.getOrDefault(type + "|" + canonical, List.of());
    }

    public Optional<String> canonical(String type, String name) {
        return canonical(type, NameKey.of(name));
    }

    /**
     * Type evidence for the mention cleaner: the type under which the name is listed, if exactly one.
     * Implemented by probing the known types, so a name listed under two types gives no evidence.
     */
    @Override
    public Optional<String> typeOf(String name) {
        NameKey key = NameKey.of(name);
        String found = null;
        for (String type : TYPES) {
            if (canonicalByKey.containsKey(key(type, key))) {
                if (found != null) return Optional.empty();
                found = type;
            }
        }
        return Optional.ofNullable(found);
    }
}
