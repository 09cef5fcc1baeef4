package org.spinepathway.care.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * The visit or check-in being filled in, as its draft is stored (JSON): written on every change,
 * read back whole or not at all. A damaged draft reads as nothing, never as half a form.
 */
public final class AssessmentDraftJson {

    /** The form's answers; a null is a question not answered yet. {@code disability} has ten places. */
    public record Draft(LocalDate date, Integer nrs, List<Integer> disability, Map<String, Integer> motor, Map<String, Boolean> redFlags,
                        String adherence, String notes, String workStatus, String painMedication) {
    }

    private AssessmentDraftJson() {
    }

    public static String write(Draft d) {
        JsonObjectBuilder draft = JSON.createObjectBuilder();
        if (d.date() != null) {
            draft.add("date", d.date().toString());
        }
        if (d.nrs() != null) {
            draft.add("nrs", d.nrs());
        }
        JsonArrayBuilder answers = JSON.createArrayBuilder();
        d.disability().forEach(a -> {
            if (a == null) {
                answers.addNull();
            } else {
                answers.add(a);
            }
        });
        draft.add("disability", answers);
        JsonObjectBuilder grades = JSON.createObjectBuilder();
        d.motor().forEach((k, v) -> {
            if (v != null) {
                grades.add(k, v);
            }
        });
        draft.add("motor", grades);
        JsonObjectBuilder flags = JSON.createObjectBuilder();
        d.redFlags().forEach((k, v) -> {
            if (v != null) {
                flags.add(k, v);
            }
        });
        draft.add("redFlags", flags);
        addIfSet(draft, "adherence", d.adherence());
        addIfSet(draft, "notes", d.notes());
        addIfSet(draft, "workStatus", d.workStatus());
        addIfSet(draft, "painMedication", d.painMedication());
        return draft.build().toString();
    }

    /**
     * The draft in {@code json}, with only the motor grades of {@code motorKeys} ("L5:LEFT"); empty
     * when it cannot be read whole (not JSON, a value of the wrong kind, a date that is none).
     */
    public static Optional<Draft> read(String json, Set<String> motorKeys) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject draft = reader.readObject();
            LocalDate date = draft.containsKey("date") ? LocalDate.parse(draft.getString("date")) : null;
            Integer nrs = draft.containsKey("nrs") ? draft.getInt("nrs") : null;
            List<Integer> disability = new ArrayList<>(Collections.nCopies(10, (Integer) null));
            JsonArray answers = draft.getJsonArray("disability");
            for (int i = 0; answers != null && i < Math.min(10, answers.size()); i++) {
                disability.set(i, answers.isNull(i) ? null : answers.getInt(i));
            }
            Map<String, Integer> motor = new LinkedHashMap<>();
            JsonObject grades = draft.containsKey("motor") ? draft.getJsonObject("motor") : JsonValue.EMPTY_JSON_OBJECT;
            grades.forEach((k, v) -> {
                if (motorKeys.contains(k)) {
                    motor.put(k, ((JsonNumber) v).intValueExact());
                }
            });
            Map<String, Boolean> redFlags = new LinkedHashMap<>();
            JsonObject flags = draft.containsKey("redFlags") ? draft.getJsonObject("redFlags") : JsonValue.EMPTY_JSON_OBJECT;
            flags.forEach((k, v) -> {
                if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
                    throw new ClassCastException("red flag " + k + " is not true or false");
                }
                redFlags.put(k, v == JsonValue.TRUE);
            });
            return Optional.of(new Draft(date, nrs, disability, motor, redFlags, text(draft, "adherence"), text(draft, "notes"),
                    text(draft, "workStatus"), text(draft, "painMedication")));
        } catch (JsonException | ClassCastException | ArithmeticException | DateTimeParseException | NullPointerException damaged) {
            return Optional.empty();
        }
    }

    /** Ten empty places: a form with no ODI/NDI answers yet. */
    public static List<Integer> noAnswers() {
        return new ArrayList<>(Arrays.asList(new Integer[10]));
    }

    private static String text(JsonObject draft, String key) {
        return draft.containsKey(key) ? draft.getString(key) : null;
    }

    private static void addIfSet(JsonObjectBuilder draft, String key, String value) {
        if (value != null) {
            draft.add(key, value);
        }
    }
}
