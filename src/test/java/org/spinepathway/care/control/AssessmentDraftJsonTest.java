package org.spinepathway.care.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AssessmentDraftJsonTest {

    private static final Set<String> LUMBAR = Set.of("L5:LEFT", "L5:RIGHT", "S1:LEFT", "S1:RIGHT");

    @Test
    void aDraft_shouldReadBackAsItWasWritten() {
        Map<String, Integer> motor = new LinkedHashMap<>();
        motor.put("L5:LEFT", 4);
        motor.put("S1:RIGHT", null);
        Map<String, Boolean> redFlags = new LinkedHashMap<>();
        redFlags.put("saddleNumbness", false);
        redFlags.put("fever", null);
        AssessmentDraftJson.Draft written = new AssessmentDraftJson.Draft(LocalDate.of(2026, 12, 4), 6,
                Arrays.asList(3, null, 2, null, null, null, null, null, null, 5), motor, redFlags, "PARTIAL", "Walks 10 minutes",
                "WORKING_REDUCED", "OTHER");
        AssessmentDraftJson.Draft read = AssessmentDraftJson.read(AssessmentDraftJson.write(written), LUMBAR).orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 4), read.date());
        assertEquals(6, read.nrs());
        assertEquals(written.disability(), read.disability());
        assertEquals(Map.of("L5:LEFT", 4), read.motor(), "an ungraded myotome is not stored");
        assertEquals(Map.of("saddleNumbness", false), read.redFlags(), "an unanswered question is not stored");
        assertEquals("PARTIAL", read.adherence());
        assertEquals("Walks 10 minutes", read.notes());
        assertEquals("WORKING_REDUCED", read.workStatus());
        assertEquals("OTHER", read.painMedication());
    }

    @Test
    void anEmptyDraft_shouldReadAsAnEmptyForm() {
        AssessmentDraftJson.Draft read = AssessmentDraftJson.read("{}", LUMBAR).orElseThrow();
        assertEquals(AssessmentDraftJson.noAnswers(), read.disability());
        assertTrue(read.motor().isEmpty() && read.redFlags().isEmpty());
        assertEquals(null, read.nrs());
    }

    @Test
    void gradesOfAnotherRegion_shouldBeLeftOut() {
        assertEquals(Map.of(), AssessmentDraftJson.read("{\"motor\":{\"C5:LEFT\":3}}", LUMBAR).orElseThrow().motor());
    }

    @Test
    void aDamagedDraft_shouldReadAsNothing_neverAsHalfAForm() {
        for (String damaged : List.of("not json", "[]", "{\"nrs\":\"six\"}", "{\"nrs\":4,\"date\":\"yesterday\"}",
                "{\"nrs\":4,\"disability\":[1,\"two\"]}", "{\"nrs\":4,\"motor\":{\"L5:LEFT\":\"strong\"}}", "{\"nrs\":4,\"motor\":{\"L5:LEFT\":4.5}}",
                "{\"nrs\":4,\"redFlags\":{\"fever\":\"yes\"}}", "{\"nrs\":4,\"notes\":7}", "{\"nrs\":4,\"motor\":[]}")) {
            assertTrue(AssessmentDraftJson.read(damaged, LUMBAR).isEmpty(), damaged);
        }
    }
}
