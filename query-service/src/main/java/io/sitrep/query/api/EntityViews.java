package io.sitrep.query.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Response bodies of the entity endpoints. */
public final class EntityViews {

    private EntityViews() {
    }

    @Schema(name = "EntitySuggestion")
    public record Suggestion(@Schema(examples = "42") long entityId, @Schema(examples = "Ada Quill") String name,
            @Schema(examples = "PERSON") String type,
            @Schema(description = "the name or alias that matched", examples = "A. Quill") String matched,
            @Schema(description = "true: a name or one of its words starts with q; false: fuzzy (trigram) match")
            boolean prefix,
            @Schema(description = "trigram similarity of matched to q, 0..1", examples = "0.64") double similarity,
            @Schema(description = "documents mentioning the entity (prominence)", examples = "17") long documents) {
    }

    @Schema(name = "EntitySuggestions")
    public record Suggestions(@Schema(examples = "quil") String query, List<Suggestion> suggestions) {
    }

    @Schema(name = "EntityProfile")
    public record Profile(@Schema(examples = "42") long entityId,
            @Schema(description = "the id asked for, when it was merged into this entity", examples = "41") Long requestedId,
            @Schema(examples = "Ada Quill") String name, @Schema(examples = "PERSON") String type,
            @Schema(description = "ids merged into this one") List<Long> mergedIds,
            List<Alias> aliases, List<Role> roles,
            @Schema(examples = "51") long mentions, @Schema(examples = "17") long documents,
            Instant firstSeen, Instant lastSeen,
            List<CoOccurrence> coOccurring,
            @Schema(description = "documents of the entity coOccurring was counted over: all of them, or a sample of "
                    + "sitrep.query.co-occurrence-sample (500) when it has more", examples = "17")
            long coOccurrenceSampleSize,
            @Schema(description = "true: coOccurring counts (documents, pmi) come from a sample of the entity's "
                    + "documents, not all of them") boolean coOccurrenceSampled,
            List<SourceShare> sources, List<QuoteView> latestQuotes) {
    }

    @Schema(name = "EntityAlias", description = "A spelling and the sources that used it (reported aliases may have none)")
    public record Alias(@Schema(examples = "A. Quill") String alias, List<SourceCount> sources) {
    }

    @Schema(name = "SourceCount")
    public record SourceCount(@Schema(examples = "Example Wire") String source, @Schema(examples = "4") long mentions) {
    }

    @Schema(name = "EntityRole", description = "A title held, with the time span of the documents that say so")
    public record Role(@Schema(examples = "mayor") String title, @Schema(examples = "Port Elwin council") String organisation,
            Instant firstSeen, Instant lastSeen, @Schema(examples = "3") long documents) {
    }

    @Schema(name = "CoOccurrence", description = "documents: shared documents; pmi: log2(P(a,b) / (P(a) P(b))) over documents")
    public record CoOccurrence(@Schema(examples = "7") long entityId, @Schema(examples = "Port Elwin") String name,
            @Schema(examples = "LOCATION") String type, @Schema(examples = "9") long documents,
            @Schema(examples = "1.58") double pmi) {
    }

    @Schema(name = "SourceShare")
    public record SourceShare(@Schema(examples = "Example Wire") String source, @Schema(examples = "12") long documents,
            @Schema(examples = "30") long mentions, @Schema(examples = "0.7") double share) {
    }

    @Schema(name = "Quote", description = "A quoted statement with its article and offsets into the article text")
    public record QuoteView(java.util.UUID articleId, @Schema(examples = "0") int ordinal,
            @Schema(examples = "42") Long speakerEntityId, @Schema(examples = "Ada Quill") String speakerName,
            @Schema(examples = "said") String verb, @Schema(examples = "120") int start, @Schema(examples = "180") int end,
            @Schema(examples = "The ferries will run again by spring") String text, Instant quotedAt,
            @Schema(examples = "Ferries resume") String articleTitle, @Schema(examples = "Example Wire") String source,
            String url) {
    }

    @Schema(name = "EntitySourceComparison", description = "How each source covers the entity, and where sources "
            + "contradict each other about who controls it")
    public record SourceComparison(long entityId, String name, String type, long totalDocuments,
            List<SourceProfile> sources,
            @Schema(description = "the window within which two claims count as the same event", examples = "week",
                    enumeration = {"day", "week"}) String conflictWindow,
            @Schema(description = "pairs of sources naming different actors as controlling the entity within the "
                    + "window, newest first, at most 20 (one pair per two sources and two actors)")
            List<ConflictingClaims> conflicts,
            @Schema(description = "true when more conflicting pairs exist than are listed") boolean conflictsTruncated) {

        public SourceComparison withConflicts(String window, List<ConflictingClaims> found, boolean truncated) {
            return new SourceComparison(entityId, name, type, totalDocuments, sources, window, found, truncated);
        }
    }

    @Schema(name = "ConflictingClaims", description = "Two sources contradicting each other: each claim's sentence "
            + "states a different actor controls the entity")
    public record ConflictingClaims(@Schema(examples = "control", enumeration = {"control"}) String kind,
            io.sitrep.query.search.ControlClaims.Claim a, io.sitrep.query.search.ControlClaims.Claim b,
            @Schema(description = "hours between the two claims", examples = "20.0") double hoursApart) {
    }

    @Schema(name = "EntitySourceProfile")
    public record SourceProfile(@Schema(examples = "Example Wire") String source, long documents, long mentions,
            @Schema(description = "this source's share of all documents mentioning the entity") double share,
            @Schema(description = "mentions per document") double mentionsPerDocument,
            @Schema(description = "mean salience where entity-service sent one") Double meanSalience,
            Instant firstSeen, Instant lastSeen,
            @Schema(description = "the spellings this source used, most used first") List<String> spellings,
            @Schema(description = "titles this source gave the entity") List<String> roles,
            long quotes, @Schema(description = "most co-mentioned entities in this source, counted over at most "
                    + "sitrep.query.source-co-occurrence-sample (default 100) of its documents here") List<CoOccurrence> coOccurring) {
    }
}
