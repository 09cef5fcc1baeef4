package org.spinepathway.platform.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink, on its own, retries a failed read three times, five seconds apart, when it thinks
 * the database connection broke. Behind Payara's validated pool that only holds a request for 15 s
 * during an outage, and a patient waits for nothing. Here a failure is reported at once, so the
 * page says "temporarily unavailable, your answers are kept" (or the API answers 503) straight
 * away; the pool makes new connections when the database is back.
 */
public class FailFastDatabaseSessions implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
