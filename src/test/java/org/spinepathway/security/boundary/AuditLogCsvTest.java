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

    @Test
    void csv_shouldDefuseFormulasThatStartAfterASemicolon_asSemicolonSeparatedSpreadsheetsSplitThere() {
        assertEquals("\"note;'=HYPERLINK(\"\"https://example.org\"\")\"", AuditLog.csv("note;=HYPERLINK(\"https://example.org\")"));
        assertEquals("\"a;' +1;'@SUM(A1);'-2\"", AuditLog.csv("a; +1;@SUM(A1);-2"));
        assertEquals("\"x;'\"\"=1+1\"\"\"", AuditLog.csv("x;\"=1+1\""), "a quoted formula after the semicolon");
        assertEquals("\"a;;'=1\"", AuditLog.csv("a;;=1"));
    }

    @Test
    void csv_shouldDefuseFormulasAtTheStartOfEveryLineOrTabbedCellInAValue() {
        assertEquals("\"first\n'=cmd()\"", AuditLog.csv("first\n=cmd()"));
        assertEquals("\"first\r\n'@x\"", AuditLog.csv("first\r\n@x"));
        assertEquals("a\t'+1", AuditLog.csv("a\t+1"));
        assertEquals("'\t=1", AuditLog.csv("\t=1"));
        assertEquals("' =1", AuditLog.csv(" =1"), "spaces before the formula");
    }

    @Test
    void csv_shouldQuoteSemicolons_andLeaveHarmlessOnesAlone() {
        assertEquals("\"pain 5; walks 2 km\"", AuditLog.csv("pain 5; walks 2 km"));
    }
}
