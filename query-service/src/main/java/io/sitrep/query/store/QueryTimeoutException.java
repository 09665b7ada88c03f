package io.sitrep.query.store;

/**
 * A read query ran into the statement timeout (PostgreSQL query_canceled, SQLState 57014): the answer
 * would have taken longer than the read side allows. Maps to 503 with Retry-After.
 */
public class QueryTimeoutException extends RuntimeException {

    /** PostgreSQL's query_canceled: statement_timeout, or a cancel request. */
    public static final String QUERY_CANCELED = "57014";

    public QueryTimeoutException(java.sql.SQLException cause) {
        super("query canceled: " + cause.getMessage(), cause);
    }

    /** The timeout as an unchecked exception, or null when e is some other failure. */
    public static QueryTimeoutException of(java.sql.SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && QUERY_CANCELED.equals(s.getSQLState())) {
                return new QueryTimeoutException(e);
            }
        }
        return null;
    }
}
