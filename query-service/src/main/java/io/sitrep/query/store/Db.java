package io.sitrep.query.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC for the read queries: dynamic filters, one round trip per answer, cursors for exports.
 * Runs on the "read" datasource, whose sessions carry a statement_timeout (sitrep.query.statement-timeout),
 * so no read can run unbounded; a statement that hits it throws {@link QueryTimeoutException}.
 */
@ApplicationScoped
public class Db {

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface RowSink {
        void accept(ResultSet rs) throws SQLException, IOException;
    }

    private final DataSource dataSource;

    Db(@io.quarkus.agroal.DataSource("read") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> list(Sql sql, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c);
             ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public <T> Optional<T> one(Sql sql, Row<T> row) {
        List<T> rows = list(sql, row);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Streams every row through a server-side cursor, so memory stays flat however many rows match. */
    public void stream(Sql sql, RowSink sink) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = sql.prepare(c)) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuntimeException failure(SQLException e) {
        QueryTimeoutException timeout = QueryTimeoutException.of(e);
        return timeout != null ? timeout : new IllegalStateException("query failed: " + e.getMessage(), e);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
