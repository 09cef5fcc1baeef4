package org.spinepathway.launcher;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The figures of one Gatling run, read from its HTML report's {@code js/stats.json}: per request
 * and for all requests, the count, throughput, the 50th/95th/99th percentiles (Gatling's
 * {@code percentiles1}, {@code 3} and {@code 4} at its default 50/75/95/99) and the failures.
 */
final class GatlingStats {

    record Row(String name, long requests, double perSecond, long p50, long p95, long p99, long errors) {
    }

    private GatlingStats() {
    }

    static List<Row> read(Path report) throws IOException {
        String text = Files.readString(report.resolve("js/stats.json"));
        JsonObject root = JSON.createReader(new StringReader(text.substring(text.indexOf('{')))).readObject();
        List<Row> rows = new ArrayList<>();
        JsonObject contents = root.getJsonObject("contents");
        if (contents != null) {
            for (JsonValue request : contents.values()) {
                rows.add(row(request.asJsonObject().getJsonObject("stats")));
            }
        }
        rows.add(row(root.getJsonObject("stats")));
        return rows;
    }

    private static Row row(JsonObject stats) {
        return new Row(stats.getString("name"), number(stats, "numberOfRequests", "total"), decimal(stats, "meanNumberOfRequestsPerSecond"),
                number(stats, "percentiles1", "total"), number(stats, "percentiles3", "total"), number(stats, "percentiles4", "total"),
                number(stats, "numberOfRequests", "ko"));
    }

    private static long number(JsonObject stats, String field, String part) {
        return (long) Math.ceil(value(stats.getJsonObject(field).get(part)));
    }

    private static double decimal(JsonObject stats, String field) {
        return value(stats.getJsonObject(field).get("total"));
    }

    /** Gatling writes numbers, or strings such as "-" where there is nothing to count. */
    private static double value(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return number.doubleValue();
        }
        if (value instanceof JsonString string) {
            try {
                return Double.parseDouble(string.getString());
            } catch (NumberFormatException nothing) {
                return 0;
            }
        }
        return 0;
    }
}
