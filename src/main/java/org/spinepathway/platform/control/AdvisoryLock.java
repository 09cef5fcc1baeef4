package org.spinepathway.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A PostgreSQL session advisory lock that keeps a job to one run at a time across every instance.
 * The pool keeps the physical connection, so the lock is let go explicitly; if that fails, the
 * connection is aborted, so the pool cannot hand out a connection that still holds it (every later
 * run would otherwise find the lock taken).
 */
public final class AdvisoryLock {

    private static final Logger LOG = Logger.getLogger(AdvisoryLock.class.getName());

    private AdvisoryLock() {
    }

    /** Takes the lock on this connection if nobody holds it; whether it was taken. */
    public static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            q.setLong(1, key);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    public static void unlock(Connection connection, long key) {
        try (PreparedStatement q = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            q.setLong(1, key);
            q.execute();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not release advisory lock " + key + "; closing its connection for good", e);
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException lost) {
                // the connection is gone either way, and its session's lock with it
            }
        }
    }
}
