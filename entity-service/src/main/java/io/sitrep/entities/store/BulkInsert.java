package io.sitrep.entities.store;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Many rows of one table in one statement: {@code INSERT … SELECT … FROM unnest(?::int8[], ?::text[], …)}, one
 * array parameter per column. A document's mentions, links and salience rows were one round trip each (the
 * mention id is an identity column, so Hibernate cannot batch its inserts); they are now one per table. Runs on
 * the transaction's own JDBC connection, after Hibernate has flushed.
 */
final class BulkInsert {

    private record Parameter(String arrayType, Object value) {
    }

    private final EntityManager em;
    private final String sql;
    private final List<Parameter> parameters = new ArrayList<>();

    private BulkInsert(EntityManager em, String sql) {
        this.em = em;
        this.sql = sql;
    }

    /** @param sql the statement, with its parameters in the order they are then added */
    static BulkInsert of(EntityManager em, String sql) {
        return new BulkInsert(em, sql);
    }

    /** A scalar parameter, the same for every row (the article id). */
    BulkInsert value(Object value) {
        parameters.add(new Parameter(null, value));
        return this;
    }

    /** One column's values, row by row; {@code arrayType} is PostgreSQL's element type name (int8, text...). */
    BulkInsert column(String arrayType, List<?> values) {
        parameters.add(new Parameter(arrayType, values.toArray()));
        return this;
    }

    /** Executes the statement unless there are no rows. */
    void execute(int rows) {
        if (rows == 0) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                List<Array> arrays = new ArrayList<>();
                for (int i = 0; i < parameters.size(); i++) {
                    Parameter p = parameters.get(i);
                    if (p.arrayType() == null) {
                        st.setObject(i + 1, p.value());
                    } else {
                        Array array = connection.createArrayOf(p.arrayType(), (Object[]) p.value());
                        arrays.add(array);
                        st.setArray(i + 1, array);
                    }
                }
                st.executeUpdate();
                for (Array array : arrays) {
                    array.free();
                }
            }
        });
    }
}
