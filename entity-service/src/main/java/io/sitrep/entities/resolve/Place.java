package io.sitrep.entities.resolve;

/**
 * A populated place from the GeoNames gazetteer (www.geonames.org, CC BY 3.0). {@code name} is the name Sitrep
 * displays (the alias knowledge base's canonical name when it has one, e.g. "Kyiv"), {@code geonamesName} the
 * dump's own; {@code featureCode} is GeoNames' (PPLC capital, PPLA.. administrative seat, PPL populated place).
 */
public record Place(long geonameId, String name, String geonamesName, String countryCode, double latitude,
                    double longitude, long population, String featureCode) {

    /** A fine-grained place type: capital, administrative seat, or city/town/village by population. */
    public String placeType() {
        if (featureCode.equals("PPLC")) return "capital";
        if (featureCode.startsWith("PPLA")) return "administrative seat";
        if (population >= 100_000) return "city";
        if (population >= 10_000) return "town";
        return "village";
    }
}
