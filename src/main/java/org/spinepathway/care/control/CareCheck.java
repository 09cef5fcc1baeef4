package org.spinepathway.care.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.spinepathway.care.entity.PainMedication;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.care.entity.WorkStatus;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.JsonIntegers;

/**
 * The rules of plans, interventions and assessments, said for the clinician: dates in order and
 * not in the future where they record the past, scales in range, type-specific intervention details,
 * myotomes that belong to the episode's region.
 */
public final class CareCheck {

    public static final Set<String> CERVICAL_MYOTOMES = Set.of("C5", "C6", "C7", "C8", "T1");
    public static final Set<String> LUMBAR_MYOTOMES = Set.of("L2", "L3", "L4", "L5", "S1");
    public static final Set<String> INJECTION_KINDS = Set.of("EPIDURAL_STEROID", "NERVE_ROOT_BLOCK", "FACET");
    private static final Pattern SPINAL_LEVEL = Pattern.compile("(C[1-7]|T([1-9]|1[0-2])|L[1-5])(-(C[2-7]|T([1-9]|1[0-2])|L[1-5]|S1))?");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private CareCheck() {
    }

    /** Problems with an intervention; {@code prefix} names where it sits in the request ("interventions[0]."). */
    public static List<FieldError> intervention(String prefix, String type, LocalDate start, LocalDate end, String status,
                                                String stopReason, JsonObject details, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (type == null || !Set.of("REST", "PHYSICAL_THERAPY", "MEDICATION", "INJECTION", "HEAT_COLD", "MANIPULATION").contains(type)) {
            errors.add(new FieldError(prefix + "type", "Choose REST, PHYSICAL_THERAPY, MEDICATION, INJECTION, HEAT_COLD or MANIPULATION."));
        }
        if (start == null) {
            errors.add(new FieldError(prefix + "startDate", "Give the start date."));
        } else if (start.isBefore(EARLIEST)) {
            errors.add(new FieldError(prefix + "startDate", "Give a date after 1 January 1900."));
        }
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError(prefix + "endDate", "The end date cannot be before the start date."));
        }
        if (status == null || !Set.of("PLANNED", "ACTIVE", "COMPLETED", "STOPPED").contains(status)) {
            errors.add(new FieldError(prefix + "status", "Choose PLANNED, ACTIVE, COMPLETED or STOPPED."));
        } else if (status.equals("STOPPED") && (stopReason == null || stopReason.isBlank())) {
            errors.add(new FieldError(prefix + "stopReason", "Say why the intervention was stopped."));
        }
        if (stopReason != null && stopReason.length() > 500) {
            errors.add(new FieldError(prefix + "stopReason", "Please keep this to 500 characters or fewer."));
        }
        if (type != null) {
            errors.addAll(details(prefix + "details.", type, details == null ? JsonValue.EMPTY_JSON_OBJECT : details, today));
        }
        return errors;
    }

    private static List<FieldError> details(String prefix, String type, JsonObject d, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> allowed = switch (type) {
            case "PHYSICAL_THERAPY" -> Set.of("programme", "sessionsPerWeek");
            case "MEDICATION" -> Set.of("drug", "dose", "frequency", "drugClass");
            case "INJECTION" -> Set.of("kind", "level", "givenOn");
            case "MANIPULATION" -> Set.of("sessions", "technique");
            default -> Set.of("instructions");
        };
        for (String key : d.keySet()) {
            if (!allowed.contains(key)) {
                errors.add(new FieldError(prefix + key, "Not a detail of " + type + "; use " + String.join(", ", allowed.stream().sorted().toList()) + "."));
            }
        }
        switch (type) {
            case "PHYSICAL_THERAPY" -> {
                text(errors, prefix + "programme", d, 1000, true);
                number(errors, prefix + "sessionsPerWeek", d, 1, 14, true);
            }
            case "MEDICATION" -> {
                text(errors, prefix + "drug", d, 200, true);
                text(errors, prefix + "dose", d, 100, false);
                text(errors, prefix + "frequency", d, 100, false);
                String drugClass = string(d, "drugClass");
                if (d.containsKey("drugClass") && (drugClass == null
                        || !Set.of("PARACETAMOL", "NSAID", "OPIOID", "MUSCLE_RELAXANT", "NERVE_PAIN", "STEROID", "OTHER").contains(drugClass))) {
                    errors.add(new FieldError(prefix + "drugClass", "Choose PARACETAMOL, NSAID, OPIOID, MUSCLE_RELAXANT, NERVE_PAIN, STEROID or OTHER."));
                }
            }
            case "INJECTION" -> {
                String kind = string(d, "kind");
                if (kind == null || !INJECTION_KINDS.contains(kind)) {
                    errors.add(new FieldError(prefix + "kind", "Choose EPIDURAL_STEROID, NERVE_ROOT_BLOCK or FACET."));
                }
                String level = string(d, "level");
                if (level == null || !SPINAL_LEVEL.matcher(level).matches()) {
                    errors.add(new FieldError(prefix + "level", "Give the spinal level, such as L4-L5 or C6."));
                }
                LocalDate givenOn = date(d, "givenOn");
                if (givenOn == null) {
                    errors.add(new FieldError(prefix + "givenOn", "Give the date the injection was given, as YYYY-MM-DD."));
                } else if (givenOn.isAfter(today)) {
                    errors.add(new FieldError(prefix + "givenOn", "An injection cannot have been given in the future; plan it with status PLANNED and add it once given."));
                }
            }
            case "MANIPULATION" -> {
                number(errors, prefix + "sessions", d, 1, 50, false);
                text(errors, prefix + "technique", d, 200, false);
            }
            default -> text(errors, prefix + "instructions", d, 1000, false);
        }
        return errors;
    }

    /** Problems with an assessment for an episode of this region, recorded by a patient or a clinician. */
    /** The outcome time point's items: work status and pain medication, each one of its codes or absent. */
    public static List<FieldError> outcomeAnswers(String workStatus, String painMedication) {
        List<FieldError> errors = new ArrayList<>();
        if (workStatus != null && Arrays.stream(WorkStatus.values())
                .noneMatch(w -> w.name().equals(workStatus))) {
            errors.add(new FieldError("workStatus", "Choose WORKING, WORKING_REDUCED, SICK_LEAVE or NOT_WORKING_OTHER."));
        }
        if (painMedication != null && Arrays.stream(PainMedication.values())
                .noneMatch(m -> m.name().equals(painMedication))) {
            errors.add(new FieldError("painMedication", "Choose OPIOID, OTHER or NONE."));
        }
        return errors;
    }

    public static List<FieldError> assessment(LocalDate date, String source, boolean byPatient, Integer nrs, List<Integer> disabilityAnswers,
                                              String instrument, SpineRegion region, List<String[]> motor, Map<String, Boolean> redFlags,
                                              Set<String> redFlagCodes, String adherence, String notes, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (date == null) {
            errors.add(new FieldError("date", "Give the date of the assessment."));
        } else if (date.isAfter(today)) {
            errors.add(new FieldError("date", "An assessment cannot be dated in the future."));
        } else if (date.isBefore(EARLIEST)) {
            errors.add(new FieldError("date", "Give a date after 1 January 1900."));
        }
        if (source == null || !Set.of("CLINICIAN", "PATIENT").contains(source)) {
            errors.add(new FieldError("source", "Choose CLINICIAN or PATIENT."));
        } else if (byPatient && !source.equals("PATIENT")) {
            errors.add(new FieldError("source", "A patient's check-in has source PATIENT."));
        }
        boolean anyDisability = disabilityAnswers != null && disabilityAnswers.stream().anyMatch(java.util.Objects::nonNull);
        // Every measure is optional (api.md), but an assessment that records nothing at all is a mistake.
        if (nrs == null && !anyDisability && (motor == null || motor.isEmpty()) && redFlags == null && adherence == null
                && (notes == null || notes.isBlank())) {
            errors.add(new FieldError("nrs", "Record at least the pain score (0 to 10)."));
        }
        if (nrs != null && (nrs < 0 || nrs > 10)) {
            errors.add(new FieldError("nrs", "Pain is scored 0 to 10."));
        }
        String expected = (region == null ? SpineRegion.LUMBAR : region).instrument().name();
        if (disabilityAnswers != null) {
            if (instrument != null && !instrument.equals(expected)) {
                errors.add(new FieldError("disability.instrument", "This episode's region uses the " + expected + "."));
            }
            if (disabilityAnswers.size() != 10) {
                errors.add(new FieldError("disability.answers", "Send 10 answers, null for a section not answered."));
            } else {
                for (int i = 0; i < 10; i++) {
                    Integer a = disabilityAnswers.get(i);
                    if (a != null && (a < 0 || a > 5)) {
                        errors.add(new FieldError("disability.answers[" + i + "]", "Each section is scored 0 to 5."));
                    }
                }
            }
        }
        if (motor != null && !motor.isEmpty()) {
            if (!"CLINICIAN".equals(source)) {
                errors.add(new FieldError("motor", "Motor grades are recorded by a clinician, not in a patient's check-in."));
            } else {
                Set<String> valid = region == SpineRegion.CERVICAL ? CERVICAL_MYOTOMES : region == SpineRegion.LUMBAR ? LUMBAR_MYOTOMES : Set.of();
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < motor.size(); i++) {
                    String[] m = motor.get(i);
                    if (m[0] == null || !valid.contains(m[0])) {
                        errors.add(new FieldError("motor[" + i + "].myotome", valid.isEmpty()
                                ? "A thoracic episode has no myotomes to grade." : "Grade the region's myotomes: " + String.join(", ", valid.stream().sorted().toList()) + "."));
                    }
                    if (m[1] == null || !Set.of("LEFT", "RIGHT").contains(m[1])) {
                        errors.add(new FieldError("motor[" + i + "].side", "Choose LEFT or RIGHT."));
                    }
                    if (m[2] == null || Integer.parseInt(m[2]) < 0 || Integer.parseInt(m[2]) > 5) {
                        errors.add(new FieldError("motor[" + i + "].grade", "MRC grades run from 0 to 5."));
                    }
                    if (!seen.add(m[0] + " " + m[1])) {
                        errors.add(new FieldError("motor[" + i + "]", "This myotome and side is graded twice."));
                    }
                }
            }
        }
        if (redFlags != null) {
            redFlags.keySet().stream().filter(k -> !redFlagCodes.contains(k))
                    .forEach(k -> errors.add(new FieldError("redFlags." + k, "This is not one of the red-flag questions.")));
        }
        if (adherence != null && !Set.of("FULL", "PARTIAL", "NONE").contains(adherence)) {
            errors.add(new FieldError("adherence", "Choose FULL, PARTIAL or NONE."));
        }
        if (notes != null && notes.length() > 2000) {
            errors.add(new FieldError("notes", "Please keep this to 2000 characters or fewer."));
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String field, JsonObject d, int max, boolean required) {
        String key = field.substring(field.lastIndexOf('.') + 1);
        String value = string(d, key);
        if (d.containsKey(key) && value == null) {
            errors.add(new FieldError(field, "Send this as text."));
        } else if (required && (value == null || value.isBlank())) {
            errors.add(new FieldError(field, "This detail is required."));
        } else if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "Please keep this to " + max + " characters or fewer."));
        }
    }

    private static void number(List<FieldError> errors, String field, JsonObject d, int min, int max, boolean required) {
        String key = field.substring(field.lastIndexOf('.') + 1);
        JsonValue value = d.get(key);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                errors.add(new FieldError(field, "This detail is required."));
            }
            return;
        }
        // Exactly as written: a lenient read made 18446744073709551619 sessions 3 (see JsonIntegers).
        OptionalInt n = JsonIntegers.exactInt(value);
        if (n.isEmpty() || n.getAsInt() < min || n.getAsInt() > max) {
            errors.add(new FieldError(field, "Give a whole number from " + min + " to " + max + ", written as digits."));
        }
    }

    static String string(JsonObject d, String key) {
        return d.get(key) instanceof JsonString s ? s.getString() : null;
    }

    /** An ISO date detail, or null when absent or not a date. */
    public static LocalDate date(JsonObject d, String key) {
        try {
            String value = string(d, key);
            return value == null ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException notADate) {
            return null;
        }
    }
}
