package org.spinepathway.platform.control;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a database outage (server stopped, restarting, network gone, no connection to be had from
 * the pool) from every other failure. An outage is temporary and not the caller's fault: the API
 * answers 503 and pages say "temporarily unavailable, your answers are kept" instead of the
 * generic error, and nothing is retried behind the caller's back.
 * <p>
 * The cause chains are deep and vary by layer (EJB, JTA, EclipseLink, Payara's pool, the
 * PostgreSQL driver), so the whole chain, including {@link SQLException#getNextException()}, is
 * searched.
 */
public final class DatabaseUnavailable {

    /** Payara's pool says this when no connection can be made or borrowed. */
    private static final String POOL_ALLOCATION_FAILURE = "Error in allocating a connection";

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (isOutage(next)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable failure) {
        if (failure instanceof ConnectException
                || failure instanceof SQLTransientConnectionException
                || failure instanceof SQLRecoverableException) {
            return true;
        }
        if (failure instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P01-57P03: the server is shutting down or starting up.
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) {
                return true;
            }
        }
        String message = failure.getMessage();
        return message != null && message.contains(POOL_ALLOCATION_FAILURE);
    }
}
