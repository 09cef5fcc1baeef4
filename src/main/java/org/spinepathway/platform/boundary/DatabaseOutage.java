package org.spinepathway.platform.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import org.spinepathway.platform.control.DatabaseUnavailable;
import org.spinepathway.platform.control.LogSafe;

/**
 * Whether a failure is explained by a database outage. First by the failure itself
 * ({@link DatabaseUnavailable}); when its cause chain does not say so (a layer between the request
 * and the driver may replace the cause, for example a transaction that could not commit), by asking
 * the database now: a failure while the database cannot be reached is answered as the outage
 * (503, the patient's answers kept), never as a 500. Such a failure is logged with its chain of
 * types, so that it can be recognised from the failure itself next time.
 * <p>
 * Used where requests fail: the authentication mechanism, the API's exception mapper and the pages'
 * exception handler, none of which are CDI beans with injection, hence the JNDI look-up.
 */
public final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private DatabaseOutage() {
    }

    public static boolean explains(Throwable failure) {
        if (DatabaseUnavailable.causedBy(failure)) {
            return true;
        }
        if (!unreachableNow()) {
            return false;
        }
        LOG.log(Level.WARNING, "A failure while the database cannot be reached, answered as the outage: {0}", typesOf(failure));
        return true;
    }

    /** The database cannot be reached at this moment: no connection, or one that does not answer. */
    static boolean unreachableNow() {
        try (Connection connection = InitialContext.<DataSource>doLookup(DatabaseMigration.DATASOURCE).getConnection()) {
            return !connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return DatabaseUnavailable.causedBy(e) || e instanceof SQLException;
        } catch (NamingException noDataSource) {
            return false;
        }
    }

    /** The failure's chain of types, outermost first; not the messages, which may quote what a patient sent. */
    static String typesOf(Throwable failure) {
        List<String> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && chain.size() < 12; cause = cause.getCause()) {
            chain.add(cause.getClass().getName());
        }
        return LogSafe.text(String.join(" <- ", chain));
    }
}
