package io.sitrep.entities.resolve;

import java.util.Optional;

/**
 * What Sitrep's reference data knows about a document entity's name: the name its canonical entity is shown
 * under, the place it is, and the country it belongs to. The preferred name is, first, the alias knowledge
 * base's canonical form ("Kiev" -> "Kyiv", "Artyomovsk" -> "Bakhmut", "Donbass" -> "Donbas", "Ukrainians" ->
 * "Ukrainian"); else a country's or region's own name ("Britain" -> "United Kingdom", "Kharkiv region" ->
 * "Kharkiv Oblast"); else the document's spelling. A populated place never renames an entity by itself: GeoNames
 * names are transliterations ("Kramators'k"). Its alternates decide identity only where they name one place
 * beyond doubt ({@link #identifiedPlace}).
 */
public final class KnownNames {

    /** @param place null when the name is not a known place; countryCode null when unknown */
    public record Known(String name, Place place, String countryCode) {
    }

    private final AliasKb aliases;
    private final Gazetteer gazetteer;
    private final Demonyms demonyms;

    public KnownNames(AliasKb aliases, Gazetteer gazetteer, Demonyms demonyms) {
        this.aliases = aliases;
        this.gazetteer = gazetteer;
        this.demonyms = demonyms;
    }

    /**
     * The GeoNames place that is the identity of a place name the knowledge base does not know; the knowledge
     * base's own identities come first (its canonical name is the key then).
     */
    public Optional<Place> identifiedPlace(String type, String name) {
        if (!type.equals("LOCATION") || aliases.canonical(type, name).isPresent()) return Optional.empty();
        return gazetteer.identifiedPlace(name);
    }

    public Known lookup(String type, String name) {
        Optional<String> canonical = aliases.canonical(type, name);
        if (type.equals("LOCATION")) {
            Place place = gazetteer.resolve(name).orElse(null);
            String preferred = canonical.orElse(place != null && !place.isPopulatedPlace() ? place.name() : name);
            return new Known(preferred, place, place == null ? null : place.countryCode());
        }
        String preferred = canonical.orElse(name);
        if (type.equals(Demonyms.NORP)) {
            return new Known(preferred, null, demonyms.countryOf(preferred).orElse(null));
        }
        return new Known(preferred, null, null);
    }
}
