package org.spinepathway.care.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ProgressChartTest {

    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final LocalDate TODAY = START.plusDays(50);

    @Test
    void painBand_isTwoPointsWhenThatIsMoreThanThirtyPercent() {
        assertEquals(new BigDecimal("4.0"), ProgressChart.painImprovedAtOrBelow(6), "6 × 30% = 1.8 < 2");
        assertEquals(new BigDecimal("4.9"), ProgressChart.painImprovedAtOrBelow(7), "7 × 30% = 2.1 > 2");
        assertEquals(new BigDecimal("7.0"), ProgressChart.painImprovedAtOrBelow(10));
        assertEquals(new BigDecimal("0.0"), ProgressChart.painImprovedAtOrBelow(1), "never below 0");
    }

    @Test
    void painChart_drawsTheBandAroundTheIntakeBaseline_andEveryPainMeasurement() {
        ProgressChart chart = new ProgressChart(START, TODAY, 7, new BigDecimal("44.0"), "ODI", List.of(
                new ProgressChart.Point(null, START.plusDays(14), 6, new BigDecimal("40.0"), false),
                new ProgressChart.Point(null, START.plusDays(7), 7, null, true)), List.of());

        JsonArray datasets = read(chart.painJson()).getJsonObject("data").getJsonArray("datasets");
        assertEquals(5, datasets.size(), "lower edge, upper edge, band, baseline, pain");
        assertEquals(4.9, y(datasets.getJsonObject(0), 0), 1e-9);
        assertEquals(9.0, y(datasets.getJsonObject(1), 0), 1e-9);
        assertTrue(datasets.getJsonObject(1).getString("label").startsWith("Worse"));
        assertEquals(false, datasets.getJsonObject(1).getBoolean("fill"), "the edge of worse is a line, not the band");
        JsonObject band = datasets.getJsonObject(2);
        assertEquals(0, band.getInt("fill"), "the band is filled down to the lower edge");
        assertEquals("Within the minimal clinically important change", band.getString("label"),
                "the legend names the shaded band for what it is");
        assertEquals(7.0, y(datasets.getJsonObject(3), 0), 1e-9);
        JsonObject pain = datasets.getJsonObject(4);
        assertEquals(7, pain.getJsonArray("data").getJsonObject(0).getInt("x"), "sorted by date, days since care start");
        assertEquals(14, pain.getJsonArray("data").getJsonObject(1).getInt("x"));
        assertEquals("triangle", pain.getJsonArray("pointStyle").getString(0), "a patient's check-in");
        assertEquals("circle", pain.getJsonArray("pointStyle").getString(1), "a clinician's visit");
        JsonObject x = read(chart.painJson()).getJsonObject("options").getJsonObject("scales").getJsonObject("x");
        assertEquals(0, x.getInt("min"));
        assertEquals(50, x.getInt("max"), "up to today");
    }

    @Test
    void disabilityChart_bandIsTenPointsEitherSide_andSkipsVisitsWithoutAScore() {
        ProgressChart chart = new ProgressChart(START, TODAY, 7, new BigDecimal("44.0"), "NDI", List.of(
                new ProgressChart.Point(null, START.plusDays(7), 7, null, true),
                new ProgressChart.Point(null, START.plusDays(14), 6, new BigDecimal("30.0"), false)), List.of());

        JsonArray datasets = read(chart.disabilityJson()).getJsonObject("data").getJsonArray("datasets");
        assertEquals(34.0, y(datasets.getJsonObject(0), 1), 1e-9);
        assertEquals(54.0, y(datasets.getJsonObject(1), 1), 1e-9);
        assertEquals(1, datasets.getJsonObject(4).getJsonArray("data").size(), "only the visit that scored the NDI");
        assertTrue(chart.disabilityJson().contains("NDI (%)"));
    }

    @Test
    void withoutAnIntakeBaseline_theEarliestMeasurementIsTheBaseline() {
        ProgressChart chart = new ProgressChart(START, TODAY, null, null, "ODI", List.of(
                new ProgressChart.Point(null, START.plusDays(20), 5, new BigDecimal("30.0"), false),
                new ProgressChart.Point(null, START.plusDays(3), 8, null, false),
                new ProgressChart.Point(null, START.plusDays(10), 6, new BigDecimal("40.0"), false)), List.of());
        assertEquals(8, chart.baselineNrs());
        assertEquals(new BigDecimal("40.0"), chart.baselineDisability());
    }

    @Test
    void withNothingMeasured_thereIsNoBandAndNoBaseline() {
        ProgressChart chart = new ProgressChart(START, TODAY, null, null, null, List.of(), List.of());
        assertFalse(chart.hasMeasurements());
        assertEquals(1, read(chart.painJson()).getJsonObject("data").getJsonArray("datasets").size());
    }

    @Test
    void interventions_areBarsFromStartToEnd_ongoingOnesToToday_oneDayOnesVisible() {
        ProgressChart chart = new ProgressChart(START, TODAY, 7, null, "ODI", List.of(), List.of(
                new ProgressChart.Period("Physical therapy", START, null, false),
                new ProgressChart.Period("Injection", START.plusDays(20), START.plusDays(20), false),
                new ProgressChart.Period("Medication", START.minusDays(5), START.plusDays(10), true)));

        JsonObject config = read(chart.interventionsJson());
        JsonArray bars = config.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data");
        assertEquals(List.of(0, 51), ints(bars.getJsonArray(0)));
        assertEquals(List.of(20, 21), ints(bars.getJsonArray(1)));
        assertEquals(List.of(-5, 11), ints(bars.getJsonArray(2)));
        assertEquals("Medication (stopped)", config.getJsonObject("data").getJsonArray("labels").getString(2));
        assertEquals(-5, config.getJsonObject("options").getJsonObject("scales").getJsonObject("x").getInt("min"),
                "the axis begins where the earliest intervention began");
    }

    @Test
    void rows_carryTheDataInDateOrder() {
        ProgressChart chart = new ProgressChart(START, TODAY, 7, null, "ODI", List.of(
                new ProgressChart.Point(null, START.plusDays(14), 6, null, false),
                new ProgressChart.Point(null, START.plusDays(7), 7, null, true)), List.of());
        assertEquals(7, chart.rows().get(0).day());
        assertEquals("Patient check-in", chart.rows().get(0).source());
        assertEquals(50, chart.daysInCare());
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static double y(JsonObject dataset, int index) {
        return dataset.getJsonArray("data").getJsonObject(index).getJsonNumber("y").doubleValue();
    }

    private static List<Integer> ints(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::intValue).toList();
    }

    @Test
    void interventionLabels_shouldBreakIntoLinesAPhonesChartHolds_keepingShortOnesOnOneLine() {
        ProgressChart chart = new ProgressChart(START, TODAY, 7, null, "ODI", List.of(), List.of(
                new ProgressChart.Period("Rest", START, null, false),
                new ProgressChart.Period("Physical therapy: McKenzie extension, 2 sessions a week", START, null, false)));

        JsonArray labels = read(chart.interventionsJson()).getJsonObject("data").getJsonArray("labels");
        assertEquals("Rest", labels.getString(0));
        assertEquals(List.of("Physical therapy:", "McKenzie extension, 2", "sessions a week"),
                labels.getJsonArray(1).getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(80 + 2 * (15 * 3 + 12), chart.interventionChartHeight(), "room for the three lines of each bar");
    }

    @Test
    void lines_shouldKeepEveryWord_andBreakOnlyAWordLongerThanALine() {
        assertEquals(List.of("Heat or cold: Heat pack", "20 minutes in the", "evening"), ProgressChart.lines("Heat or cold: Heat pack 20 minutes in the evening", 24));
        assertEquals(List.of("abcdef", "ghij x", "yz"), ProgressChart.lines("abcdefghij x yz", 6));
        assertEquals(List.of("exactly-six"), ProgressChart.lines("  exactly-six  ", 11));
        assertEquals(List.of(""), ProgressChart.lines("", 24));
    }
}
