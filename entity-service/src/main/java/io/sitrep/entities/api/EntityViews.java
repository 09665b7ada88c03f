package io.sitrep.entities.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response shapes of /api/v1/entities. */
public final class EntityViews {

    private EntityViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EntitySummary")
    public record Summary(
            @Schema(examples = "42") long id,
            @Schema(examples = "Bakhmut") String name,
            @Schema(examples = "LOCATION") String type,
            @Schema(description = "For places the gazetteer knows: CITY, COUNTRY or STATE_OR_PROVINCE; absent otherwise",
                    examples = "CITY", enumeration = {"CITY", "COUNTRY", "STATE_OR_PROVINCE"}) String subtype,
            @Schema(description = "Documents naming it", examples = "12") long documentCount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EntityPage", description = "One page, ordered by id; pass nextCursor as cursor for the next one")
    public record Page(List<Summary> items, @Schema(examples = "NDI") String nextCursor) {
    }

    @Schema(name = "EntityAlias", description = "A spelling of the entity as one source wrote it")
    public record Alias(
            @Schema(examples = "Artyomovsk") String surface,
            @Schema(description = "The documents' source; empty when unknown", examples = "Example Wire") String source,
            @Schema(examples = "3") int mentionCount,
            Instant firstSeen,
            Instant lastSeen) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EntityRole", description = "A title the texts give the entity, with how many documents give it")
    public record RoleCount(
            @Schema(examples = "Secretary General") String title,
            @Schema(examples = "NATO") String organisation,
            @Schema(examples = "2") long documents,
            @Schema(description = "Publication time of the first document giving it (analysis time when unknown)")
            Instant firstSeen,
            @Schema(description = "Publication time of the last document giving it") Instant lastSeen) {
    }

    @Schema(name = "EntityLink", description = "How a document's entity was tied to this canonical entity")
    public record Link(
            UUID articleId,
            @Schema(examples = "Kiev") String name,
            @Schema(examples = "ALIAS", description = "NEW, KEY, GAZETTEER (both name one GeoNames place), CURATED or a matcher rule (EXACT, NORMALISED, "
                    + "TRANSLITERATION, ALIAS, ACRONYM, MIDDLE_NAME, INITIALS, EDIT_DISTANCE)") String method,
            @Schema(examples = "0.95") double score,
            @Schema(examples = "'Kiev' ~ 'Kyiv': both aliases of 'Kyiv'") String evidence,
            Instant linkedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EntityDetail")
    public record Detail(
            @Schema(examples = "42") long id,
            @Schema(examples = "Bakhmut") String name,
            @Schema(examples = "LOCATION", description = "PERSON, ORGANIZATION, LOCATION, NORP (nationality) or MISC")
            String type,
            @Schema(description = "For places the gazetteer knows: CITY (any populated place), COUNTRY or "
                    + "STATE_OR_PROVINCE; absent otherwise", examples = "CITY",
                    enumeration = {"CITY", "COUNTRY", "STATE_OR_PROVINCE"}) String subtype,
            @Schema(description = "WGS84 latitude: the place itself for a city, the capital for a country, the "
                    + "administrative centre for a region", examples = "48.59559") Double latitude,
            @Schema(description = "WGS84 longitude, as latitude", examples = "37.99987") Double longitude,
            @Schema(description = "GeoNames id of a city (www.geonames.org); absent for countries and regions",
                    examples = "713174") Long geonamesId,
            @Schema(description = "ISO 3166-1 alpha-2 code of a place's country or of a nationality's", examples = "UA")
            String countryCode,
            @Schema(description = "For a nationality (NORP): the COUNTRY entity of its countryCode, once one exists",
                    examples = "7") Long countryEntityId,
            boolean hidden,
            @Schema(description = "Set when curation merged this entity into another") Long mergedInto,
            @Schema(examples = "12") long documentCount,
            Instant firstSeen,
            Instant lastSeen,
            List<Alias> aliases,
            List<RoleCount> roles,
            @Schema(description = "The 50 most recent automatic links") List<Link> links) {
    }
}
