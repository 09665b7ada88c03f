package io.sitrep.entities.domain;

import java.time.Instant;

/** A live-blog entry of a document: offsets into the document text, time in UTC. */
public record DocumentSegment(int ordinal, String headline, int start, int end, Instant occurredAt) {
}
