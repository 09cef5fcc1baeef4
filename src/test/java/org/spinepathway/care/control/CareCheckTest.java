package org.spinepathway.care.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spinepathway.platform.control.FieldError;

class CareCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static List<FieldError> therapy(String sessionsPerWeek) {
        JsonObject details;
        try (var reader = Json.createReader(new StringReader("{\"programme\":\"Core\",\"sessionsPerWeek\":" + sessionsPerWeek + "}"))) {
            details = reader.readObject();
        }
        return CareCheck.intervention("", "PHYSICAL_THERAPY", TODAY, null, "ACTIVE", null, details, TODAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "3", "14"})
    void aWholeNumberOfSessionsInRange_isTaken(String sessions) {
        assertEquals(List.of(), therapy(sessions));
    }

    /** As parsed into a JsonObject; the API's reader refuses "3e0" before (ExactNumbers), this reads it as 3. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "15", "3.0", "3.5", "30e-1", "1e1", "18446744073709551619", "4294967299", "\"3\"", "true"})
    void aNumberOfSessionsNotWrittenExactlyOrOutOfRange_isRefused(String sessions) {
        List<FieldError> errors = therapy(sessions);
        assertEquals(1, errors.size(), sessions + ": " + errors);
        assertEquals("details.sessionsPerWeek", errors.get(0).field());
    }
}
