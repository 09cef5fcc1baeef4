package org.spinepathway.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditLogCsvTest {

    @Test
    void csv_shouldLeavePlainTextAlone() {
        assertEquals("plain text", AuditLog.csv("plain text"));
    }

    @Test
    void csv_shouldQuoteCommasQuotesAndLineBreaks() {
        assertEquals("\"a, b\"", AuditLog.csv("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditLog.csv("say \"hi\""));
        assertEquals("\"two\nlines\"", AuditLog.csv("two\nlines"));
    }

    @Test
    void csv_shouldDefuseTextASpreadsheetWouldRunAsAFormula() {
        assertEquals("'=HYPERLINK(1)", AuditLog.csv("=HYPERLINK(1)"));
        assertEquals("'+1 spreadsheet", AuditLog.csv("+1 spreadsheet"));
        assertEquals("'@SUM(A1)", AuditLog.csv("@SUM(A1)"));
        assertEquals("'-2", AuditLog.csv("-2"));
    }

    @Test
    void csv_shouldLeaveNumbersAloneAndNullEmpty() {
        assertEquals("-5", AuditLog.csv(-5L));
        assertEquals("", AuditLog.csv(null));
    }
}
