package org.spinepathway.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spinepathway.intake.entity.IntakeAnswers;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.platform.control.FieldError;

class IntakeCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void aBlankDraft_shouldBeWellFormed_butNotSubmittable() {
        IntakeAnswers blank = new IntakeAnswers();
        assertTrue(IntakeCheck.wellFormed(blank, TODAY).isEmpty());
        List<String> fields = fields(IntakeCheck.completeForSubmission(blank, TODAY));
        assertTrue(fields.containsAll(List.of("mainArea", "side", "painNow", "painWorst", "redFlags.fever")), fields.toString());
        assertEquals(4 + RedFlag.values().length, fields.size());
    }

    @Test
    void aCompleteIntake_shouldHaveNoProblems() {
        assertTrue(IntakeCheck.completeForSubmission(complete(), TODAY).isEmpty());
    }

    @Test
    void codesStartBackDatesAndControlCharacters_shouldEachBeNamed() {
        IntakeAnswers a = complete();
        a.setOnsetDate(LocalDate.of(1899, 12, 31));
        a.setSide("UP");
        a.setPainTravels(List.of("ARM", "<script>"));
        a.getStartBack().set(0, 2);
        a.getStartBack().set(8, 5);
        a.setOtherMedication("ibuprofen\n400 mg");
        a.setNotes("line one\nline two\u0007");
        assertEquals(List.of("side", "painTravels", "onsetDate", "otherMedication", "startBack[0]", "startBack[8]", "notes"),
                fields(IntakeCheck.wellFormed(a, TODAY)));
    }

    @Test
    void worstPainBelowPainNow_shouldBeQueried() {
        IntakeAnswers a = complete();
        a.setPainNow(6);
        a.setPainWorst(4);
        assertEquals(List.of("painWorst"), fields(IntakeCheck.wellFormed(a, TODAY)));
    }

    @Test
    void todayAsOnsetAndLineBreaksInNotes_shouldBeAccepted() {
        IntakeAnswers a = complete();
        a.setOnsetDate(TODAY);
        a.setNotes("Worse after gardening.\nBetter lying down.");
        assertTrue(IntakeCheck.wellFormed(a, TODAY).isEmpty());
    }

    static IntakeAnswers complete() {
        IntakeAnswers a = new IntakeAnswers();
        a.setMainArea("LOWER_BACK");
        a.setSide("LEFT");
        a.setPainNow(5);
        a.setPainWorst(8);
        for (RedFlag flag : RedFlag.values()) {
            a.getRedFlags().put(flag.code(), false);
        }
        return a;
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
