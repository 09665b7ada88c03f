package io.sitrep.query.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A statement assembled from fixed SQL fragments; every value travels as a bind parameter. Fragments
 * are constants of this module, never user input, and each '?' in a fragment takes the next value.
 */
public final class Sql {

    private final StringBuilder text = new StringBuilder(512);
    private final List<Object> params = new ArrayList<>();

    public Sql append(String fragment, Object... values) {
        long marks = fragment.chars().filter(c -> c == '?').count();
        if (marks != values.length) {
            throw new IllegalArgumentException("fragment has " + marks + " parameters, got " + values.length);
        }
        text.append(fragment);
        params.addAll(java.util.Arrays.asList(values));
        return this;
    }

    /** Appends another statement's text and parameters. */
    public Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    public String text() {
        return text.toString();
    }

    /** The bound values, in order. */
    public List<Object> params() {
        return java.util.Collections.unmodifiableList(params);
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text.toString());
        for (int i = 0; i < params.size(); i++) {
            bind(c, ps, i + 1, params.get(i));
        }
        return ps;
    }

    private static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            ps.setTimestamp(index, Timestamp.from(instant));
        } else if (value instanceof UUID[] uuids) {
            ps.setArray(index, c.createArrayOf("uuid", uuids));
        } else if (value instanceof Long[] longs) {
            ps.setArray(index, c.createArrayOf("bigint", longs));
        } else if (value instanceof String[] strings) {
            ps.setArray(index, c.createArrayOf("text", strings));
        } else if (value instanceof Collection<?> values) {
            throw new IllegalArgumentException("bind collections as typed arrays, got " + values.size() + " values");
        } else {
            ps.setObject(index, value);
        }
    }
}
