package com.b2bflow.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Recognizes "the database is not there right now", which is answered with 503 and a Retry-After. */
public final class DatabaseUnavailable {

    public static final String RETRY_AFTER_SECONDS = "10";

    private DatabaseUnavailable() {}

    /**
     * Connection failures (SQLState class 08), and PostgreSQL's 57P01-57P03 (shutting down, crashed, not accepting
     * connections yet): a pooled connection in use when the server stops fails with 57P01, not with an 08 state.
     */
    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof SQLException sql
                            && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08")
                                    || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // a pooled connection the database killed fails the work and then its rollback: the rollback
            // failure is thrown, the work's failure is kept aside
            if (cause instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && is(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }
}
