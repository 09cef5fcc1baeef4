package org.spinepathway.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spinepathway.intake.entity.IntakeAnswers;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InputValidation;

/** The Bean Validation constraints on the intake's answers, with the implementation Payara ships. */
class IntakeAnswersValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void acceptableAnswers_shouldHaveNoViolations() {
        IntakeAnswers a = IntakeCheckTest.complete();
        a.setPainNow(0);
        a.setPainWorst(10);
        a.setOnsetDate(LocalDate.now());
        a.getDisabilityAnswers().set(0, 0);
        a.getDisabilityAnswers().set(9, 5);
        a.setNotes("n".repeat(2000));
        assertTrue(InputValidation.errorsOf(validator, a).isEmpty(), () -> InputValidation.errorsOf(validator, a).toString());
    }

    @Test
    void outOfRangeAnswers_shouldBeNamedAsTheFieldsAre() {
        IntakeAnswers a = IntakeCheckTest.complete();
        a.setPainNow(-1);
        a.setPainWorst(11);
        a.setOnsetDate(LocalDate.now().plusDays(1));
        a.getDisabilityAnswers().set(3, 6);
        a.setOtherMedication("x".repeat(501));
        a.setNotes("n".repeat(2001));
        List<FieldError> errors = InputValidation.errorsOf(validator, a);
        assertEquals(List.of("disabilityAnswers[3]", "notes", "onsetDate", "otherMedication", "painNow", "painWorst"),
                errors.stream().map(FieldError::field).toList());
        assertTrue(errors.stream().anyMatch(e -> e.message().equals("Please keep this to 2000 characters or fewer.")), errors.toString());
    }
}
