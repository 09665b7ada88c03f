package io.sitrep.entities.resolve;

/**
 * A place from the gazetteer: a GeoNames populated place (www.geonames.org, CC BY 3.0), or a country or
 * first-level region from regions.tsv. {@code name} is the name Sitrep displays (the alias knowledge base's
 * canonical name when it has one, e.g. "Kyiv"), {@code geonamesName} the data's own; {@code featureCode} is
 * GeoNames' (PPLC capital, PPLA.. administrative seat, PPL populated place, PCLI country, ADM1 region).
 * {@code geonameId} is 0 for countries and regions, whose GeoNames ids are not shipped.
 */
public record Place(long geonameId, String name, String geonamesName, String countryCode, double latitude,
                    double longitude, long population, String featureCode) {

    /** A fine-grained place type: country, region, capital, administrative seat, or city/town/village by population. */
    public String placeType() {
        if (!isPopulatedPlace()) return subtype().equals("COUNTRY") ? "country" : "region";
        if (featureCode.equals("PPLC")) return "capital";
        if (featureCode.startsWith("PPLA")) return "administrative seat";
        if (population >= 100_000) return "city";
        if (population >= 10_000) return "town";
        return "village";
    }

    /** The entity subtype: CITY for every populated place (capital to village), COUNTRY, or STATE_OR_PROVINCE. */
    public String subtype() {
        if (featureCode.startsWith("PCL")) return "COUNTRY";
        if (featureCode.startsWith("ADM")) return "STATE_OR_PROVINCE";
        return "CITY";
    }

    public boolean isPopulatedPlace() {
        return featureCode.startsWith("PPL");
    }

    /** The same place under another display name. */
    Place named(String display) {
        return new Place(geonameId, display, geonamesName, countryCode, latitude, longitude, population, featureCode);
    }
}
