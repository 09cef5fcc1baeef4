package org.spinepathway.intake.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.spinepathway.intake.entity.IntakeAnswers;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.platform.control.FieldError;

/**
 * The rules of an intake's answers that are not single-field constraints (those are Bean
 * Validation annotations on {@code IntakeAnswers}): codes from the lists, worst pain not below pain
 * now, dates after 1900, no control characters, STarT Back's yes/no items. Drafts must be
 * well-formed; moving past a step needs that step's required answers; a submission needs them all.
 */
public final class IntakeCheck {

    public static final Set<String> AREAS = Set.of("NECK", "MID_BACK", "LOWER_BACK");
    public static final Set<String> SIDES = Set.of("LEFT", "RIGHT", "BOTH");
    public static final Set<String> TRAVELS = Set.of("SHOULDER", "ARM", "HAND", "BUTTOCK", "THIGH", "LEG", "FOOT");
    public static final Set<String> CHARACTERS = Set.of("SHARP", "SHOOTING", "BURNING", "ACHING");
    public static final Set<String> CAUSES = Set.of("INJURY", "LIFTING", "GRADUAL", "UNKNOWN");
    public static final Set<String> NERVE_LOCATIONS = Set.of("LEFT_ARM", "RIGHT_ARM", "LEFT_LEG", "RIGHT_LEG");
    public static final Set<String> MEDICATIONS = Set.of("PARACETAMOL", "NSAID", "OPIOID", "MUSCLE_RELAXANT", "NERVE_PAIN", "STEROID");
    public static final Set<String> TREATMENTS = Set.of("REST", "ICE_HEAT", "OTC_PAIN_RELIEF", "PHYSIOTHERAPY", "INJECTIONS", "MANIPULATION");
    public static final Set<String> IMAGING = Set.of("XRAY", "MRI", "CT", "EMG");
    public static final Set<String> LEVELS = Set.of("NONE", "MILD", "MODERATE", "SEVERE");
    public static final Set<String> WORK = Set.of("WORKING", "MODIFIED_DUTIES", "OFF_WORK", "NOT_WORKING", "RETIRED", "STUDENT");

    public static final int MAX_OTHER_MEDICATION = 500;
    public static final int MAX_NOTES = 2000;
    private static final LocalDate EARLIEST_ONSET = LocalDate.of(1900, 1, 1);

    private IntakeCheck() {
    }

    /** Problems (besides the annotations' constraints) that make the answers unfit to store even as a draft. */
    public static List<FieldError> wellFormed(IntakeAnswers a, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        oneOf(errors, "mainArea", a.getMainArea(), AREAS);
        allOf(errors, "otherAreas", a.getOtherAreas(), AREAS);
        oneOf(errors, "side", a.getSide(), SIDES);
        allOf(errors, "painTravels", a.getPainTravels(), TRAVELS);
        if (a.getPainNow() != null && a.getPainWorst() != null && a.getPainWorst() < a.getPainNow()
                && a.getPainWorst() >= 0 && a.getPainNow() <= 10) {
            errors.add(new FieldError("painWorst", "The worst pain of the last week cannot be lower than your pain now ("
                    + a.getPainNow() + ")."));
        }
        allOf(errors, "painCharacter", a.getPainCharacter(), CHARACTERS);
        if (a.getOnsetDate() != null && a.getOnsetDate().isBefore(EARLIEST_ONSET)) {
            errors.add(new FieldError("onsetDate", "Enter a date after 1 January 1900."));
        }
        oneOf(errors, "onsetCause", a.getOnsetCause(), CAUSES);
        allOf(errors, "numbness", a.getNumbness(), NERVE_LOCATIONS);
        allOf(errors, "tingling", a.getTingling(), NERVE_LOCATIONS);
        allOf(errors, "weakness", a.getWeakness(), NERVE_LOCATIONS);
        allOf(errors, "dexterityLoss", a.getDexterityLoss(), NERVE_LOCATIONS);
        allOf(errors, "spasms", a.getSpasms(), NERVE_LOCATIONS);
        allOf(errors, "tremor", a.getTremor(), NERVE_LOCATIONS);
        allOf(errors, "wasting", a.getWasting(), NERVE_LOCATIONS);
        for (String code : a.getRedFlags().keySet()) {
            if (RedFlag.ofCode(code).isEmpty()) {
                errors.add(new FieldError("redFlags." + code, "This is not one of the questions."));
            }
        }
        allOf(errors, "medications", a.getMedications(), MEDICATIONS);
        noControlCharacters(errors, "otherMedication", a.getOtherMedication(), false);
        allOf(errors, "priorTreatments", a.getPriorTreatments(), TREATMENTS);
        allOf(errors, "imaging", a.getImaging(), IMAGING);
        oneOf(errors, "stress", a.getStress(), LEVELS);
        oneOf(errors, "anxiety", a.getAnxiety(), LEVELS);
        oneOf(errors, "workStatus", a.getWorkStatus(), WORK);
        for (int i = 0; i < a.getStartBack().size(); i++) {
            int max = i == IntakeAnswers.START_BACK_ITEMS - 1 ? 4 : 1;
            scale(errors, "startBack[" + i + "]", a.getStartBack().get(i), 0, max, "Choose one of the answers.");
        }
        noControlCharacters(errors, "notes", a.getNotes(), true);
        return errors;
    }

    /** The answers a step needs before the patient moves on (steps 1 and 3 have required questions). */
    public static List<FieldError> requiredFor(int step, IntakeAnswers a) {
        List<FieldError> errors = new ArrayList<>();
        if (step == 1) {
            required(errors, "mainArea", a.getMainArea(), "Tell us where your main pain is.");
            required(errors, "side", a.getSide(), "Tell us which side it is on.");
            required(errors, "painNow", a.getPainNow(), "Choose how bad your pain is now, from 0 to 10.");
            required(errors, "painWorst", a.getPainWorst(), "Choose how bad your pain was at its worst in the last week.");
        }
        if (step == 3) {
            for (RedFlag flag : RedFlag.values()) {
                if (a.getRedFlags().get(flag.code()) == null) {
                    errors.add(new FieldError("redFlags." + flag.code(), "Answer yes or no: this question is important for your safety."));
                }
            }
        }
        return errors;
    }

    /** Everything a submission needs. */
    public static List<FieldError> completeForSubmission(IntakeAnswers a, LocalDate today) {
        List<FieldError> errors = new ArrayList<>(wellFormed(a, today));
        errors.addAll(requiredFor(1, a));
        errors.addAll(requiredFor(3, a));
        return errors;
    }

    private static void required(List<FieldError> errors, String field, Object value, String message) {
        if (value == null) {
            errors.add(new FieldError(field, message));
        }
    }

    private static void oneOf(List<FieldError> errors, String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(new FieldError(field, "Choose one of the answers given."));
        }
    }

    private static void allOf(List<FieldError> errors, String field, Collection<String> values, Set<String> allowed) {
        if (values != null && values.stream().anyMatch(v -> v == null || !allowed.contains(v))) {
            errors.add(new FieldError(field, "Choose only from the answers given."));
        }
    }

    private static void scale(List<FieldError> errors, String field, Integer value, int min, int max, String message) {
        if (value != null && (value < min || value > max)) {
            errors.add(new FieldError(field, message));
        }
    }

    private static void noControlCharacters(List<FieldError> errors, String field, String value, boolean lineBreaksAllowed) {
        if (value == null) {
            return;
        }
        boolean control = value.codePoints().anyMatch(c -> Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t')));
        if (control) {
            errors.add(new FieldError(field, "Remove the control characters from this text."));
        }
    }
}
