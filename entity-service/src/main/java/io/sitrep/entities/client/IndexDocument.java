package io.sitrep.entities.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What entity-service sends to query-service's {@code PUT /api/v1/documents/{articleId}}. Offsets are UTF-16
 * code units into {@code text}, end exclusive. {@code roles}, {@code quotes}, {@code dates} and each entity's
 * {@code aliases} and {@code salience} were added later, and so was {@code storyGroupId} (ingest's story group,
 * null when ingest did not send one); receivers must treat them as optional.
 */
public record IndexDocument(
        UUID articleId,
        int extractionVersion,
        String title,
        String text,
        String source,
        String url,
        String language,
        Instant publishedAt,
        String publishedSource,
        List<Segment> segments,
        List<Entity> entities,
        List<Role> roles,
        List<Quote> quotes,
        List<DateMention> dates,
        UUID storyGroupId) {

    public record Segment(int ordinal, String headline, int start, int end, Instant occurredAt) {
    }

    /** aliases: distinct surfaces in this document; salience: 0–1, how central the entity is to it. */
    public record Entity(long entityId, String name, String type, List<Mention> mentions, List<String> aliases,
                         double salience) {
    }

    public record Mention(int start, int end, String text, int sentence) {
    }

    /** start/end: the title's offsets; organisation may be null. */
    public record Role(long entityId, String title, String organisation, int start, int end) {
    }

    /** start/end include the quote marks; speakerEntityId is null when the speaker did not resolve. */
    public record Quote(Long speakerEntityId, String speakerName, String verb, int start, int end, String text) {
    }

    /** date: ISO-8601 day (yyyy-MM-dd); rule: the rule that resolved it ("deictic", "weekday", …). */
    public record DateMention(int start, int end, String date, String rule) {
    }
}
