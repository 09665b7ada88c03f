package io.sitrep.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sitrep.ingest.domain.ArticleStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Article", description = "An article as stored, with what was found in it and its delivery state.")
public record ArticleView(
        UUID id,
        String title,
        String byline,
        String source,
        String url,
        @Schema(examples = "text/html") String contentType,
        Published published,
        Dateline dateline,
        @Schema(examples = "en") String language,
        Float languageConfidence,
        @Schema(description = "RECEIVED → ANALYZED → INDEXED; FAILED; or NOT_ANALYZED (e.g. not English)")
        ArticleStatus status,
        @Schema(description = "Why the article is FAILED or NOT_ANALYZED, or the last delivery error while pending")
        String statusReason,
        int deliveryAttempts,
        Instant receivedAt,
        Instant updatedAt,
        StoryGroup storyGroup,
        @Schema(description = "Live-blog entries, newest first as published") List<SegmentView> segments,
        @Schema(description = "The clean text; every offset here and downstream refers to it") String text) {

    @Schema(name = "Published", description = "The publication time and which input gave it")
    public record Published(Instant at,
            @Schema(examples = "TEXT", enumeration = {"FIELD", "HTML_META", "DATELINE", "TEXT", "NONE"}) String source,
            @Schema(examples = "Wednesday, March 8, 2023") String evidence) {
    }

    @Schema(name = "Dateline")
    public record Dateline(@Schema(examples = "Moscow") String place,
            @Schema(examples = "[\"UrduPoint News\", \"Sputnik\"]") List<String> agencies,
            @Schema(examples = "2023-05-22") LocalDate date) {
    }

    @Schema(name = "StoryGroup", description = "Articles that are copies or light edits of one story")
    public record StoryGroup(UUID id, List<Member> members) {
    }

    @Schema(name = "StoryGroupMember")
    public record Member(UUID id, String title, String source, Instant receivedAt,
            @Schema(description = "Estimated similarity to the group it joined; absent for the founding article") Float similarity) {
    }

    @Schema(name = "Segment", description = "One live-blog entry; offsets into text")
    public record SegmentView(int ordinal, String headline, int start, int end, Instant occurredAt, String clockZone) {
    }
}
