package com.b2bflow.system;

import java.net.ConnectException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** Start-up without a reachable database ends with a message that says so (and a non-zero exit). */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (!isConnectionFailure(cause)) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(no spring.datasource.url)");
        return new FailureAnalysis(
                "The database at " + url + " cannot be reached: " + cause.getMessage(),
                "Start the database, or point SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
                        + "SPRING_DATASOURCE_PASSWORD at a reachable one, then start the application again.",
                cause);
    }

    private static boolean isConnectionFailure(SQLException exception) {
        String state = exception.getSQLState();
        if (state != null && state.startsWith("08")) {
            return true;
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
