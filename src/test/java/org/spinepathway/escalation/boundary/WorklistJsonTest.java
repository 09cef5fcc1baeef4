package org.spinepathway.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.spinepathway.escalation.control.FlagExplanation;
import org.spinepathway.escalation.control.WorklistFlag;
import org.spinepathway.escalation.control.WorklistRow;
import org.spinepathway.escalation.entity.FlagRule;

class WorklistJsonTest {

    private static final String EVIDENCE = "{\"asOf\":\"2026-11-21\",\"afterDays\":42,\"fraction\":0.30,\"emergency\":true,\"cleared\":false,"
            + "\"note\":null,\"quote\":\"said \\\"no\\\" \\u00e9\",\"redFlagAnswers\":[{\"assessmentId\":459,\"date\":\"2026-11-21\"},[1,2.5]]}";

    @Test
    void aFullRow_shouldHaveEveryField_inAlphabeticalOrder_withItsEvidenceAsJson() {
        WorklistRow row = new WorklistRow(20, FlagRule.NOT_IMPROVING, "REVIEW", LocalDate.of(2026, 11, 21), EVIDENCE, 27, "LUMBAR", "UNDER_REVIEW",
                31, "SP100064", "Sofia Hamilton", "Pat Physio", LocalDate.of(2026, 10, 1), 52L, 1, 6, 5, new BigDecimal("60.0"), new BigDecimal("58.0"),
                null, null, null, false, false, List.of(new WorklistFlag(20, FlagRule.NOT_IMPROVING, "REVIEW", LocalDate.of(2026, 11, 21), EVIDENCE)));

        JsonObject entry = parse(WorklistJson.write(List.of(row))).getJsonObject(0);

        assertEquals(List.of("baselineDisability", "baselineNrs", "daysInCare", "daysOpen", "episodeId", "episodeState", "evidence", "flags", "id",
                "latestDisability", "latestNrs", "mrn", "patientId", "patientName", "physioName", "priority", "raisedOn", "reason", "region",
                "rule", "status"), new ArrayList<>(entry.keySet()));
        assertEquals(new BigDecimal("60.0"), entry.getJsonNumber("baselineDisability").bigDecimalValue());
        assertEquals(6, entry.getInt("baselineNrs"));
        assertEquals(52, entry.getInt("daysInCare"));
        assertEquals(1, entry.getInt("daysOpen"));
        assertEquals(27, entry.getInt("episodeId"));
        assertEquals("UNDER_REVIEW", entry.getString("episodeState"));
        assertEquals(parseObject(EVIDENCE), entry.getJsonObject("evidence"), "the evidence, value for value");
        assertEquals("said \"no\" é", entry.getJsonObject("evidence").getString("quote"));
        assertEquals(20, entry.getInt("id"));
        assertEquals(new BigDecimal("58.0"), entry.getJsonNumber("latestDisability").bigDecimalValue());
        assertEquals(5, entry.getInt("latestNrs"));
        assertEquals("SP100064", entry.getString("mrn"));
        assertEquals(31, entry.getInt("patientId"));
        assertEquals("Sofia Hamilton", entry.getString("patientName"));
        assertEquals("Pat Physio", entry.getString("physioName"));
        assertEquals("REVIEW", entry.getString("priority"));
        assertEquals("2026-11-21", entry.getString("raisedOn"));
        assertEquals(FlagExplanation.sentence(FlagRule.NOT_IMPROVING, EVIDENCE), entry.getString("reason"));
        assertEquals("LUMBAR", entry.getString("region"));
        assertEquals("NOT_IMPROVING", entry.getString("rule"));
        assertEquals("OPEN", entry.getString("status"));
        assertEquals(1, entry.getJsonArray("flags").size());
        assertEquals(List.of("id", "priority", "raisedOn", "reason", "rule"), new ArrayList<>(entry.getJsonArray("flags").getJsonObject(0).keySet()));
    }

    @Test
    void anEpisodeWithSeveralOpenFlags_shouldBeOneRow_ledByTheMostUrgent_listingEveryFlagInOrder() {
        String redFlag = "{\"redFlags\":[]}";
        String persistent = "{\"asOf\":\"2026-11-21\"}";
        WorklistRow row = new WorklistRow(40, FlagRule.RED_FLAG, "URGENT", LocalDate.of(2026, 11, 22), redFlag, 50, "LUMBAR", "UNDER_REVIEW",
                60, "SP100070", "Ada Lovelace", null, null, null, 0, null, null, null, null, "+447700900125", null, null, false, false,
                List.of(new WorklistFlag(40, FlagRule.RED_FLAG, "URGENT", LocalDate.of(2026, 11, 22), redFlag),
                        new WorklistFlag(38, FlagRule.NOT_IMPROVING, "REVIEW", LocalDate.of(2026, 11, 1), EVIDENCE),
                        new WorklistFlag(39, FlagRule.PERSISTENT_SEVERE, "REVIEW", LocalDate.of(2026, 11, 21), persistent)));

        JsonArray rows = parse(WorklistJson.write(List.of(row)));

        assertEquals(1, rows.size(), "one row for the episode");
        JsonObject entry = rows.getJsonObject(0);
        assertEquals(40, entry.getInt("id"), "the top-level fields are the leading flag's");
        assertEquals("RED_FLAG", entry.getString("rule"));
        assertEquals("URGENT", entry.getString("priority"));
        assertEquals("+447700900125", entry.getString("phone"));
        JsonArray flags = entry.getJsonArray("flags");
        assertEquals(List.of(40, 38, 39), flags.stream().map(f -> f.asJsonObject().getInt("id")).toList());
        assertEquals(List.of("URGENT", "REVIEW", "REVIEW"), flags.stream().map(f -> f.asJsonObject().getString("priority")).toList());
        JsonObject second = flags.getJsonObject(1);
        assertEquals("NOT_IMPROVING", second.getString("rule"));
        assertEquals("2026-11-01", second.getString("raisedOn"));
        assertEquals(FlagExplanation.sentence(FlagRule.NOT_IMPROVING, EVIDENCE), second.getString("reason"));
    }

    @Test
    void absentValues_shouldBeLeftOut_notWrittenAsNull() {
        WorklistRow row = new WorklistRow(21, FlagRule.RED_FLAG, "URGENT", LocalDate.of(2026, 11, 22), "{\"redFlags\":[]}", 28, "CERVICAL",
                "INTAKE", 32, "SP100065", "Ana Lee", null, null, null, 0, null, null, null, null, null, null, null, false, false, List.of());

        JsonObject entry = parse(WorklistJson.write(List.of(row))).getJsonObject(0);

        for (String absent : List.of("baselineDisability", "baselineNrs", "daysInCare", "latestDisability", "latestNrs", "physioName")) {
            assertFalse(entry.containsKey(absent), absent + " is left out: " + entry);
        }
        assertEquals(Json.createObjectBuilder().add("redFlags", Json.createArrayBuilder()).build(), entry.getJsonObject("evidence"));
        assertEquals(0, entry.getInt("daysOpen"));
    }

    @Test
    void anUrgentRow_shouldSayHowToReachThePatient_andWhetherSomeoneHas() {
        WorklistRow reachable = new WorklistRow(22, FlagRule.RED_FLAG, "URGENT", LocalDate.of(2026, 11, 22), "{}", 29, "LUMBAR",
                "UNDER_REVIEW", 33, "SP100066", "Bo Chan", null, null, null, 0, null, null, null, null,
                "+447700900123", "Li Chan", "+447700900124", false, true, List.of());
        WorklistRow noPhone = new WorklistRow(23, FlagRule.RED_FLAG, "URGENT", LocalDate.of(2026, 11, 22), "{}", 30, "LUMBAR",
                "UNDER_REVIEW", 34, "SP100067", "Cy Dee", null, null, null, 0, null, null, null, null, null, null, null, true, false, List.of());

        JsonArray rows = parse(WorklistJson.write(List.of(reachable, noPhone)));

        JsonObject first = rows.getJsonObject(0);
        assertEquals("+447700900123", first.getString("phone"));
        assertEquals("Li Chan", first.getJsonObject("emergencyContact").getString("name"));
        assertEquals("+447700900124", first.getJsonObject("emergencyContact").getString("phone"));
        assertFalse(first.getBoolean("acknowledged"));
        assertTrue(first.getBoolean("overdue"));
        JsonObject second = rows.getJsonObject(1);
        assertTrue(second.isNull("phone"), "no phone on record is said, not left out: " + second);
        assertFalse(second.containsKey("emergencyContact"));
        assertTrue(second.getBoolean("acknowledged"));
    }

    @Test
    void noRows_shouldBeAnEmptyArray() {
        assertEquals("[]", WorklistJson.write(List.of()));
    }

    private static JsonArray parse(String json) {
        return Json.createReader(new StringReader(json)).readArray();
    }

    private static JsonObject parseObject(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
