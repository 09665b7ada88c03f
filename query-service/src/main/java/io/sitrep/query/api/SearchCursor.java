package io.sitrep.query.api;

import jakarta.ws.rs.BadRequestException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset cursor: the sort order and the (key, article id, ordinal) of the last hit of the previous page. */
record SearchCursor(char sort, double key, UUID articleId, int ordinal) {

    String encode() {
        String raw = sort + "|" + Double.doubleToLongBits(key) + "|" + articleId + "|" + ordinal;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String cursor, char expectedSort) {
        try {
            if (cursor.length() > 200) {
                throw new IllegalArgumentException();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            SearchCursor c = new SearchCursor(parts[0].charAt(0), Double.longBitsToDouble(Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]), Integer.parseInt(parts[3]));
            if (parts.length != 4 || c.sort != expectedSort) {
                throw new IllegalArgumentException();
            }
            return c;
        } catch (RuntimeException e) {
            throw new BadRequestException("The cursor is not one this service issued for this sort order");
        }
    }
}
