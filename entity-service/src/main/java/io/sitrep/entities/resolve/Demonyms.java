package io.sitrep.entities.resolve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nationalities ("Ukrainian", "Russians", "Belarusian"): NORP entities. Each form is an alias of the adjective
 * in the {@link AliasKb} (so "Ukrainians" and "Ukrainian" are one entity named "Ukrainian"), and the adjective
 * names the country it belongs to. Data: resource demonyms.tsv (adjective TAB country code TAB other forms).
 */
public final class Demonyms {

    public static final String NORP = "NORP";

    private final Map<String, String> countryByName;
    private final List<AliasKb.Row> rows;

    private Demonyms(Map<String, String> countryByName, List<AliasKb.Row> rows) {
        this.countryByName = Map.copyOf(countryByName);
        this.rows = List.copyOf(rows);
    }

    public static Demonyms loadDefault() {
        return load(Demonyms.class.getResourceAsStream("demonyms.tsv"));
    }

    public static Demonyms load(InputStream tsv) {
        if (tsv == null) throw new IllegalStateException("demonym resource missing");
        Map<String, String> countries = new HashMap<>();
        List<AliasKb.Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length < 2 || f.length > 3) throw new IllegalStateException("bad demonym line: " + line);
                String adjective = f[0].trim();
                if (!f[1].trim().equals("-")) countries.put(NameKey.of(adjective).foldedKey(), f[1].trim());
                rows.add(new AliasKb.Row(adjective, NORP, adjective));
                if (f.length == 3) for (String form : f[2].split(",")) rows.add(new AliasKb.Row(adjective, NORP, form.trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Demonyms(countries, rows);
    }

    /** Every form as an alias-KB row: adjective, NORP, form. */
    public List<AliasKb.Row> aliasRows() {
        return rows;
    }

    /** The ISO 3166-1 alpha-2 code of the country a nationality's adjective belongs to ("Ukrainian" -> UA). */
    public Optional<String> countryOf(String adjective) {
        return Optional.ofNullable(countryByName.get(NameKey.of(adjective).foldedKey()));
    }
}
