package org.spinepathway.escalation.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.spinepathway.care.entity.Myotome;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.intake.entity.RedFlag;

/**
 * Why a rule fired, in words and numbers a clinician reads, built from the evidence the flag recorded:
 * a red flag names the questions as the patient was asked them and the record that answered them; a
 * motor decline the myotome, side and grades with their dates; a measure rule baseline → latest with
 * the threshold it applies. The stored evidence stays as it is, for audit and FHIR.
 */
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
            case WORSENING -> "Worse than at the start of care" + since(e) + ": " + worse(e) + latestOn(e) + ".";
            case NOT_IMPROVING -> "No clinically important improvement " + number(e, "afterDays") + " or more days into care" + since(e) + ": "
                    + notImproved(e) + latestOn(e) + ".";
            case PERSISTENT_SEVERE -> "Pain stayed severe (" + number(e, "severePain") + " or more out of 10) at the last two measurements: "
                    + scores(e) + ".";
            case INJECTIONS_NO_RELIEF -> "No relief after " + count(e, "injectionsGiven") + " injections (given " + list(e, "injectionsGiven")
                    + "): " + notImproved(e) + latestOn(e) + ".";
            case NOT_RESOLVED_12_WEEKS -> "Not resolved " + number(e, "afterDays") + " days into care" + since(e) + ": " + latest(e)
                    + " (resolved means pain " + number(e, "painAbove") + " or less and ODI/NDI " + number(e, "disabilityAbove") + " or less).";
            case FOLLOW_UP_OVERDUE -> "No assessment in the last " + number(e, "days") + " days"
                    + (e.get("lastAssessmentOn") instanceof JsonString s ? " (last on " + s.getString() + ")." : " (never assessed).");
        };
    }

    private static String redFlag(JsonObject e) {
        if (!(e.get("redFlagAnswers") instanceof JsonArray sources)) {
            // Raised the moment an intake, check-in or visit recorded the answer.
            String when = e.get("recordedOn") instanceof JsonString on ? " on " + on.getString() : "";
            String before = e.getBoolean("beforeSubmission", false) ? ", before it was sent" : "";
            return "Answered yes " + record(e.getString("source", ""), e.getString("recordedBy", null)) + when + before + ": "
                    + questions(e.get("redFlags")) + ".";
        }
        List<String> parts = new ArrayList<>();
        for (JsonValue v : sources) {
            JsonObject s = v.asJsonObject();
            String when = s.get("date") instanceof JsonString on ? " of " + on.getString()
                    : s.get("recordedAt") instanceof JsonString at ? " (saved " + day(at.getString()) + ")" : "";
            parts.add("answered yes " + record(s.getString("source", ""), s.getString("recordedBy", null)) + when + ": "
                    + questions(s.get("redFlags")));
        }
        String sentence = parts.isEmpty() ? "A red-flag question was answered yes" : capitalised(String.join("; ", parts));
        return sentence + (e.get("afterDecisionAt") instanceof JsonString at
                ? " (recorded after the last decision on this red flag, " + day(at.getString()) + ")." : ".");
    }

    /** Which record answered: the intake, a check-in by the patient, or a visit by a clinician. */
    private static String record(String source, String recordedBy) {
        return switch (source) {
            case "intake" -> "at the intake";
            case "check-in" -> "at the patient's check-in";
            case "assessment" -> "PATIENT".equals(recordedBy) ? "at the patient's check-in"
                    : "CLINICIAN".equals(recordedBy) ? "at the clinic visit" : "in the assessment";
            default -> "in a record";
        };
    }

    /** The questions answered yes, as the patient was asked them; "a red-flag question" when the evidence does not name them. */
    private static String questions(JsonValue codes) {
        if (!(codes instanceof JsonArray list) || list.isEmpty()) {
            return "a red-flag question";
        }
        List<String> words = new ArrayList<>();
        for (JsonValue v : list) {
            String code = v instanceof JsonString s ? s.getString() : v.toString();
            words.add(RedFlag.ofCode(code).map(f -> "“" + f.question() + "”").orElse("a red-flag question"));
        }
        return String.join(" and ", words);
    }

    private static String motor(JsonObject e) {
        if (!(e.get("findings") instanceof JsonArray findings) || findings.isEmpty()) {
            return "Motor strength declined.";
        }
        String weak = number(e, "threshold");
        List<String> parts = new ArrayList<>();
        for (JsonValue v : findings) {
            JsonObject f = v.asJsonObject();
            String code = f.getString("myotome", "?");
            String site = Myotome.ofCode(code).map(Myotome::words).orElse(code) + " " + f.getString("side", "").toLowerCase();
            String latest = grade(f, "latest", "latestOn");
            String previous = f.get("previous") instanceof JsonNumber ? grade(f, "previous", "previousOn") : null;
            int latestGrade = f.getInt("latest", -1);
            boolean isWeak = !"?".equals(weak) && latestGrade >= 0 && latestGrade <= Integer.parseInt(weak);
            if (previous != null && f.getInt("previous") > latestGrade) {
                parts.add(site + " fell from " + previous + " to " + latest + (isWeak ? " (" + weak + " or below is weak)" : ""));
            } else {
                parts.add(site + " is " + latest + (isWeak ? ", " + weak + " or below is weak" : "")
                        + (previous == null ? " (first grading)" : " (before: " + previous + ")"));
            }
        }
        return "Motor strength on the MRC scale (0 to 5): " + String.join("; ", parts) + ".";
    }

    private static String grade(JsonObject f, String grade, String on) {
        return "grade " + f.getInt(grade) + (f.get(on) instanceof JsonString d ? " on " + d.getString() : "");
    }

    private static String worse(JsonObject e) {
        return "pain " + value(e, "baselineNrs") + " → " + value(e, "latestNrs")
                + (e.containsKey("painPoints") ? " (worse by " + number(e, "painPoints") + " or more counts)" : "")
                + ", ODI/NDI " + value(e, "baselineDisability") + " → " + value(e, "latestDisability")
                + (e.containsKey("disabilityPoints") ? " (worse by " + number(e, "disabilityPoints") + " or more counts)" : "");
    }

    private static String notImproved(JsonObject e) {
        JsonObject t = e.get("thresholds") instanceof JsonObject o ? o : null;
        String pain = t == null ? "" : " (improvement needs a fall of " + number(t, "painImprovementPoints") + " points and "
                + percent(t.get("painImprovementFraction")) + ")";
        String function = t == null ? "" : " (improvement needs a fall of " + number(t, "disabilityImprovementPoints") + " points)";
        return "pain " + value(e, "baselineNrs") + " → " + value(e, "latestNrs") + pain
                + ", ODI/NDI " + value(e, "baselineDisability") + " → " + value(e, "latestDisability") + function;
    }

    private static String latest(JsonObject e) {
        return "pain " + value(e, "latestNrs") + ", ODI/NDI " + value(e, "latestDisability");
    }

    private static String since(JsonObject e) {
        return e.get("careStart") instanceof JsonString s ? " (care started " + s.getString() + ")" : "";
    }

    private static String latestOn(JsonObject e) {
        return e.get("latestAssessmentOn") instanceof JsonString s ? "; latest assessment " + s.getString() : "";
    }

    private static String scores(JsonObject e) {
        if (!(e.get("lastTwoPainScores") instanceof JsonArray scores)) {
            return "not recorded";
        }
        List<String> parts = new ArrayList<>();
        for (JsonValue v : scores) {
            parts.add(v.asJsonObject().getInt("nrs", -1) + " on " + v.asJsonObject().getString("date", "?"));
        }
        return String.join(" and ", parts);
    }

    private static String value(JsonObject e, String key) {
        JsonValue v = e.get(key);
        return v instanceof JsonNumber n ? plain(n.bigDecimalValue()) : "not measured";
    }

    private static String percent(JsonValue fraction) {
        return fraction instanceof JsonNumber n ? plain(n.bigDecimalValue().movePointRight(2)) + "%" : "?";
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String number(JsonObject e, String key) {
        return e.get(key) instanceof JsonNumber n ? plain(n.bigDecimalValue()) : "?";
    }

    private static String day(String timestamp) {
        return timestamp.length() >= 10 ? timestamp.substring(0, 10) : timestamp;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static int count(JsonObject e, String key) {
        return e.get(key) instanceof JsonArray a ? a.size() : 0;
    }

    private static String list(JsonObject e, String key) {
        if (!(e.get(key) instanceof JsonArray a)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        a.forEach(v -> parts.add(v instanceof JsonString s ? s.getString() : v.toString()));
        return String.join(", ", parts);
    }
}
