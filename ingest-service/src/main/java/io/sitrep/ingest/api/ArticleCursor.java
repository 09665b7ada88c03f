package io.sitrep.ingest.api;

import io.sitrep.ingest.domain.Article;
import jakarta.ws.rs.BadRequestException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset cursor: the (receivedAt, id) of the last article on the previous page. */
record ArticleCursor(Instant receivedAt, UUID id) {

    static ArticleCursor of(Article last) {
        return new ArticleCursor(last.receivedAt, last.id);
    }

    String encode() {
        String raw = receivedAt.getEpochSecond() + "." + receivedAt.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ArticleCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            String[] time = raw.substring(0, bar).split("\\.");
            return new ArticleCursor(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])),
                    UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new BadRequestException("The cursor is not one this service issued");
        }
    }
}
