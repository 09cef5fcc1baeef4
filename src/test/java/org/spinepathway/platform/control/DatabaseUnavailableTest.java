package org.spinepathway.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aRefusedConnectionDeepInTheChain_isAnOutage() {
        SQLException driver = new SQLException("Connection to localhost:5432 refused.", "08001", new ConnectException("Connection refused"));
        RuntimeException ejb = new RuntimeException("Transaction aborted", new PersistenceException("Exception [EclipseLink-4002]", driver));
        assertTrue(DatabaseUnavailable.causedBy(ejb));
    }

    @Test
    void aServerShuttingDown_isAnOutage() {
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void theConnectionPoolFindingNoConnection_isAnOutage_evenWithoutACause() {
        assertTrue(DatabaseUnavailable.causedBy(new PersistenceException(
                new SQLException("Error in allocating a connection. Cause: Connection could not be allocated because: Connection refused"))));
    }

    @Test
    void anOutageReportedAsTheNextExceptionOfABatch_isFound() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "22001");
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertTrue(DatabaseUnavailable.causedBy(batch));
    }

    @Test
    void constraintViolationsAndProgrammingErrors_areNotOutages() {
        assertFalse(DatabaseUnavailable.causedBy(new PersistenceException(new SQLException("duplicate key value", "23505"))));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("syntax error at or near", "42601")));
        assertFalse(DatabaseUnavailable.causedBy(new NullPointerException()));
        assertFalse(DatabaseUnavailable.causedBy(null));
    }

    @Test
    void aCauseChainThatLoops_endsTheSearch() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertFalse(DatabaseUnavailable.causedBy(second));
    }
}
