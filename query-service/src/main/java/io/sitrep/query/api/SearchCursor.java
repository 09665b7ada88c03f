package io.sitrep.query.api;

import jakarta.ws.rs.BadRequestException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset cursor: the (score, article id) of the last hit of the previous page. */
record SearchCursor(float score, UUID articleId) {

    String encode() {
        String raw = Float.floatToIntBits(score) + "|" + articleId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new SearchCursor(Float.intBitsToFloat(Integer.parseInt(raw.substring(0, bar))),
                    UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new BadRequestException("The cursor is not one this service issued");
        }
    }
}
