package org.spinepathway.escalation.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spinepathway.testing.Pdf;

class ReferralLetterTest {

    @Test
    void theLetter_isAPdfWithThePatientHistoryScoresTreatmentsRuleAndNote() throws Exception {
        byte[] pdf = ReferralLetter.pdf(new ReferralLetter.Content("Test Clinic", LocalDate.of(2026, 11, 21), "Ada Lovelace", "SP100001",
                LocalDate.of(1960, 1, 1), "female", "lumbar pain, left side", "Symptoms since 2026-09-01 (lifting).", "pain 7/10, ODI 60.0%",
                List.of(new ReferralLetter.Score(LocalDate.of(2026, 10, 1), "clinician visit", 7, "58.0")),
                List.of(new ReferralLetter.Treatment("injection", "epidural steroid at L4-L5", LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 2), "completed")),
                "NOT_IMPROVING", "REVIEW", LocalDate.of(2026, 11, 20), "No clinically important improvement.", "{\"afterDays\":42}", "2026.1",
                "Dr Who", "Please see within 4 weeks.",
                List.of(new ReferralLetter.Contact("2026-11-20 14:05", "Phone call", "Pat Physio", "Advised to attend the emergency department"))));
        String text = Pdf.text(pdf);
        for (String expected : List.of("Ada Lovelace", "SP100001", "Symptoms since 2026-09-01", "58.0", "epidural steroid at L4-L5",
                "NOT_IMPROVING", "Please see within 4 weeks.", "Dr Who",
                "Contact with the patient", "Advised to attend the emergency department")) {
            assertTrue(text.contains(expected), expected + " in: " + text);
        }
    }
}
