package io.sitrep.query.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sitrep.query.FuzzSupport;
import jakarta.ws.rs.BadRequestException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Fuzzes {@link SearchCursor}: decoding an arbitrary {@code cursor} parameter, and encoding then decoding an
 * arbitrary cursor as the service issues them.
 *
 * <p>Asserts: decoding throws nothing but {@link BadRequestException} (a 400); each call within
 * {@link FuzzSupport#PER_INPUT}; a decoded cursor has the sort order asked for and re-encodes to a cursor
 * that decodes to itself; a cursor the service encodes (sort {@code r} or {@code t}, any key including NaN and
 * infinities, any article id and ordinal) decodes to itself under its own sort and is refused under the other.
 *
 * <p>Input: the cursor string up to the first LF; after it, big-endian and zero-padded, 1 byte for the sort
 * (even {@code r}, odd {@code t}), 8 for the key, 16 for the article id and 4 for the ordinal of the cursor
 * that is encoded and decoded. Regression inputs: {@code SearchCursorFuzzTestInputs/decodeCursor/}.
 */
class SearchCursorFuzzTest {

    static {
        SearchCursor c = new SearchCursor('r', 0.5, new UUID(1, 2), 3);
        SearchCursor.decode(c.encode(), 'r');
        try {
            SearchCursor.decode("not a cursor", 'r');
        } catch (BadRequestException expected) {
            // builds the 400 response once
        }
    }

    @FuzzTest(maxDuration = "30s")
    void decodeCursor(FuzzedDataProvider data) {
        byte[] input = data.consumeRemainingAsBytes();
        int newline = indexOf(input, (byte) '\n');
        String raw = new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8);
        byte[] rest = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
        ByteBuffer fields = ByteBuffer.wrap(Arrays.copyOf(rest, 29)); // zero-padded when shorter
        char sort = (fields.get() & 1) == 0 ? 'r' : 't';
        double key = fields.getDouble();
        UUID articleId = new UUID(fields.getLong(), fields.getLong());
        int ordinal = fields.getInt();
        FuzzSupport.bounded(() -> {
            checkDecode(raw, sort);
            checkRoundTrip(new SearchCursor(sort, key, articleId, ordinal));
            return null;
        });
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static void checkDecode(String raw, char sort) {
        SearchCursor decoded;
        try {
            decoded = SearchCursor.decode(raw, sort);
        } catch (BadRequestException e) {
            SearchParamsFuzzTest.checkProblem(e, 400);
            return;
        }
        if (decoded.sort() != sort) {
            throw new AssertionError("decoded a cursor for sort " + decoded.sort() + " as " + sort);
        }
        checkRoundTrip(decoded);
    }

    private static void checkRoundTrip(SearchCursor cursor) {
        String encoded = cursor.encode();
        SearchCursor back = SearchCursor.decode(encoded, cursor.sort());
        if (!back.equals(cursor)) {
            throw new AssertionError("cursor " + cursor + " came back as " + back);
        }
        char other = cursor.sort() == 't' ? 'r' : 't';
        try {
            SearchCursor.decode(encoded, other);
            throw new AssertionError("cursor for sort " + cursor.sort() + " accepted for sort " + other);
        } catch (BadRequestException expected) {
            // refused, as it must be
        }
    }
}
