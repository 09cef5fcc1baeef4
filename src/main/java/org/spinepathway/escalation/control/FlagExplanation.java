package org.spinepathway.escalation.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.spinepathway.escalation.entity.FlagRule;

/** Why a rule fired, in one sentence built from the evidence the flag recorded. */
public final class FlagExplanation {

    private FlagExplanation() {
    }

    public static String sentence(FlagRule rule, String evidenceJson) {
        JsonObject e;
        try (JsonReader reader = JSON.createReader(new StringReader(evidenceJson == null ? "{}" : evidenceJson))) {
            e = reader.readObject();
        } catch (JsonException | IllegalStateException unreadable) {
            return "The rule fired; its evidence could not be read.";
        }
        return switch (rule) {
            case RED_FLAG -> redFlag(e);
            case MOTOR_DECLINE -> motor(e);
            case WORSENING -> "Worse than at the start " + text(e, "careStart", "of care") + ": " + change(e) + ".";
            case NOT_IMPROVING -> "No clinically important improvement " + number(e, "afterDays") + " or more days into care: " + change(e) + ".";
            case PERSISTENT_SEVERE -> "Pain stayed severe (" + number(e, "severePain") + " or more) at the last two measurements: "
                    + scores(e) + ".";
            case INJECTIONS_NO_RELIEF -> "No relief after " + count(e, "injectionsGiven") + " injections (" + list(e, "injectionsGiven") + "): "
                    + change(e) + ".";
            case NOT_RESOLVED_12_WEEKS -> "Not resolved " + number(e, "afterDays") + " days into care: " + latest(e)
                    + " (resolved means pain " + number(e, "painAbove") + " or less and ODI/NDI " + number(e, "disabilityAbove") + " or less).";
            case FOLLOW_UP_OVERDUE -> "No assessment in the last " + number(e, "days") + " days"
                    + (e.get("lastAssessmentOn") instanceof jakarta.json.JsonString s ? " (last on " + s.getString() + ")." : " (never assessed).");
        };
    }

    private static String redFlag(JsonObject e) {
        if (!e.containsKey("redFlagAnswers") && e.containsKey("redFlags")) {
            // Raised at once when an intake or assessment was saved.
            return "A red-flag question was answered yes (" + list(e, "redFlags") + ").";
        }
        int count = e.containsKey("redFlagAnswers") ? e.getJsonArray("redFlagAnswers").size() : 0;
        return "A red-flag question was answered yes in " + count + (count == 1 ? " record" : " records")
                + (e.containsKey("afterDecisionAt") ? " entered after the last decision." : ".");
    }

    private static String motor(JsonObject e) {
        if (!e.containsKey("findings")) {
            return "Motor strength declined.";
        }
        List<String> parts = new ArrayList<>();
        for (JsonValue v : e.getJsonArray("findings")) {
            JsonObject f = v.asJsonObject();
            parts.add(f.getString("myotome", "?") + " " + f.getString("side", "").toLowerCase() + ": " + f.getString("reason", ""));
        }
        return "Motor strength: " + String.join("; ", parts) + ".";
    }

    private static String change(JsonObject e) {
        return "pain " + value(e, "baselineNrs") + " → " + value(e, "latestNrs") + ", ODI/NDI " + value(e, "baselineDisability") + " → "
                + value(e, "latestDisability");
    }

    private static String latest(JsonObject e) {
        return "pain " + value(e, "latestNrs") + ", ODI/NDI " + value(e, "latestDisability");
    }

    private static String scores(JsonObject e) {
        if (!e.containsKey("lastTwoPainScores")) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonValue v : e.getJsonArray("lastTwoPainScores")) {
            parts.add(v.asJsonObject().getInt("nrs", -1) + " on " + v.asJsonObject().getString("date", "?"));
        }
        return String.join(" and ", parts);
    }

    private static String value(JsonObject e, String key) {
        JsonValue v = e.get(key);
        return v == null || v == JsonValue.NULL ? "not measured" : v instanceof JsonNumber n ? n.bigDecimalValue().stripTrailingZeros().toPlainString() : v.toString();
    }

    private static String number(JsonObject e, String key) {
        return e.get(key) instanceof JsonNumber n ? n.toString() : "?";
    }

    private static String text(JsonObject e, String key, String fallback) {
        return e.get(key) instanceof jakarta.json.JsonString s ? "of care (" + s.getString() + ")" : fallback;
    }

    private static int count(JsonObject e, String key) {
        return e.containsKey(key) ? e.getJsonArray(key).size() : 0;
    }

    private static String list(JsonObject e, String key) {
        if (!e.containsKey(key)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        e.getJsonArray(key).forEach(v -> parts.add(v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()));
        return String.join(", ", parts);
    }
}
