package org.spinepathway.care.boundary;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.spinepathway.care.entity.Intervention;
import org.spinepathway.platform.control.ClinicWords;

/** An intervention's type-specific details in words, for the plan, the chart and the patient. */
@Named
@ApplicationScoped
public class InterventionText {

    /** For example "naproxen, 500 mg, twice daily" or "epidural steroid at L4-L5, given 2026-10-02". */
    public String details(Intervention intervention) {
        JsonObject d = read(intervention.getDetails());
        List<String> parts = new ArrayList<>();
        switch (intervention.getType()) {
            case PHYSICAL_THERAPY -> {
                add(parts, d, "programme", "");
                add(parts, d, "sessionsPerWeek", "", " sessions a week");
            }
            case MEDICATION -> {
                add(parts, d, "drug", "");
                add(parts, d, "dose", "");
                add(parts, d, "frequency", "");
                if (d.get("drugClass") instanceof JsonString drugClass) {
                    parts.add(ClinicWords.of("drugClass." + drugClass.getString()));
                }
            }
            case INJECTION -> {
                String kind = d.get("kind") instanceof JsonString k ? ClinicWords.of("injection." + k.getString()).toLowerCase() : "";
                String level = d.getString("level", "");
                parts.add((kind + (level.isEmpty() ? "" : " at " + level)).strip());
                add(parts, d, "givenOn", "given ");
            }
            case MANIPULATION -> add(parts, d, "sessions", "", " sessions");
            default -> add(parts, d, "instructions", "");
        }
        return String.join(", ", parts.stream().filter(p -> !p.isBlank()).toList());
    }

    /** The label of the intervention's bar on the progress chart. */
    public String label(Intervention intervention) {
        String type = intervention.getType().words();
        String details = details(intervention);
        String shortDetails = details.length() > 40 ? details.substring(0, 39) + "…" : details;
        return shortDetails.isEmpty() ? type : type + ": " + shortDetails;
    }

    private static void add(List<String> parts, JsonObject d, String key, String prefix) {
        add(parts, d, key, prefix, "");
    }

    private static void add(List<String> parts, JsonObject d, String key, String prefix, String suffix) {
        JsonValue value = d.get(key);
        if (value == null || value == JsonValue.NULL) {
            return;
        }
        String text = value.getValueType() == JsonValue.ValueType.STRING ? d.getString(key) : value.toString();
        parts.add(prefix + text + suffix);
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json == null ? "{}" : json))) {
            return reader.readObject();
        } catch (JsonException damaged) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
