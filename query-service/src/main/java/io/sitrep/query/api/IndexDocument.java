package io.sitrep.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An analysed document as entity-service sends it. aliases, salience, roles, quotes, dates and storyGroupId are
 * optional additions: absent or null means "not extracted" (or, for storyGroupId, "not known").
 */
@Schema(name = "IndexDocument", description = "An analysed document as entity-service sends it.")
public record IndexDocument(
        @NotNull UUID articleId,
        @PositiveOrZero int extractionVersion,
        @Size(max = 1000) String title,
        @NotNull String text,
        @Size(max = 200) String source,
        @Size(max = 4000) String url,
        @Size(max = 8) String language,
        Instant publishedAt,
        @Size(max = 16) String publishedSource,
        @Size(max = 10_000) List<@Valid @NotNull Segment> segments,
        @NotNull @Size(max = 10_000) List<@Valid @NotNull Entity> entities,
        @Size(max = 10_000) List<@Valid @NotNull Role> roles,
        @Size(max = 10_000) List<@Valid @NotNull Quote> quotes,
        @Size(max = 10_000) List<@Valid @NotNull DateMention> dates,
        @Schema(description = "ingest's story group: copies and near duplicates of one story share it; optional",
                examples = "3f0c6a4e-2b8e-4c55-9d8a-1e2f3a4b5c6d") UUID storyGroupId) {

    public List<Segment> segmentsOrEmpty() {
        return segments == null ? List.of() : segments;
    }

    public List<Role> rolesOrEmpty() {
        return roles == null ? List.of() : roles;
    }

    public List<Quote> quotesOrEmpty() {
        return quotes == null ? List.of() : quotes;
    }

    public List<DateMention> datesOrEmpty() {
        return dates == null ? List.of() : dates;
    }

    @Schema(name = "IndexSegment", description = "A live-blog entry: offsets into text, time in UTC")
    public record Segment(@PositiveOrZero int ordinal, @NotNull String headline, @PositiveOrZero int start,
            @PositiveOrZero int end, Instant occurredAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "IndexEntity")
    public record Entity(long entityId, @NotBlank @Size(max = 1000) String name, @NotBlank @Size(max = 32) String type,
            // Not cascaded (@Valid): a batch carries ~8 000 mentions, and Hibernate Validator's per-property
            // bookkeeping for them was a third of the service's CPU per document; DocumentResource.invalid checks
            // them instead (null, negative offsets or sentence), with the offset checks it already made.
            @NotNull @Size(max = 100_000) List<Mention> mentions,
            @Schema(description = "Other spellings entity-service knows", examples = "[\"J. Stoltenberg\"]")
            @Size(max = 1000) List<@NotNull @Size(max = 1000) String> aliases,
            @Schema(description = "How central the entity is to the document, 0..1", examples = "0.8") Double salience) {

        public Entity(long entityId, String name, String type, List<Mention> mentions) {
            this(entityId, name, type, mentions, null, null);
        }
    }

    // The constraints document the schema (OpenAPI); DocumentResource.invalid enforces them (see Entity.mentions).
    @Schema(name = "IndexMention", description = "start/end: UTF-16 code units into text, end exclusive")
    public record Mention(@PositiveOrZero int start, @PositiveOrZero int end, String text, @PositiveOrZero int sentence) {
    }

    @Schema(name = "IndexRole", description = "An entity holding a title, e.g. 'foreign minister' of an organisation")
    public record Role(long entityId, @NotBlank @Size(max = 500) String title, @Size(max = 500) String organisation,
            @PositiveOrZero int start, @PositiveOrZero int end) {
    }

    @Schema(name = "IndexQuote", description = "A statement in quotation marks and who said it, if known")
    public record Quote(Long speakerEntityId, @Size(max = 1000) String speakerName, @Size(max = 100) String verb,
            @PositiveOrZero int start, @PositiveOrZero int end, @NotNull String text) {
    }

    @Schema(name = "IndexDate", description = "A date expression resolved to an ISO date")
    public record DateMention(@PositiveOrZero int start, @PositiveOrZero int end,
            @NotBlank @Schema(examples = "2024-02-17") String date, @Size(max = 100) String rule) {
    }
}
