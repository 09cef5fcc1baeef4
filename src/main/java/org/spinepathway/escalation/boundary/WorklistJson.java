package org.spinepathway.escalation.boundary;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import org.spinepathway.escalation.control.WorklistFlag;
import org.spinepathway.escalation.control.WorklistRow;

/**
 * The worklist API's rows as JSON, written field by field: one per episode, its top-level fields
 * those of the leading flag (as when a row was a flag), and {@code flags} every open flag of the
 * episode, most urgent first. The shape is the one JSON-B gave the
 * API before (keys in alphabetical order, absent values left out), but JSON-B cost a third of the
 * call's CPU: it parsed each flag's evidence into an object tree, then walked every row record
 * reflectively, hashing it, evidence included, to guard against cycles. Here the evidence, JSON the
 * application wrote itself, is copied token by token from its column into the answer.
 */
final class WorklistJson {

    private static final JsonGeneratorFactory GENERATORS = JSON.createGeneratorFactory(Map.of());
    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());

    private WorklistJson() {
    }

    static String write(List<WorklistRow> rows) {
        StringWriter out = new StringWriter(64 + rows.size() * 768);
        try (JsonGenerator json = GENERATORS.createGenerator(out)) {
            json.writeStartArray();
            for (WorklistRow row : rows) {
                json.writeStartObject();
                if (row.isUrgent()) {
                    json.write("acknowledged", row.acknowledged());
                }
                number(json, "baselineDisability", row.baselineDisability());
                number(json, "baselineNrs", row.baselineNrs());
                number(json, "daysInCare", row.daysInCare());
                json.write("daysOpen", row.daysOpen());
                if (row.isUrgent() && row.emergencyContactName() != null) {
                    json.writeStartObject("emergencyContact");
                    json.write("name", row.emergencyContactName());
                    text(json, "phone", row.emergencyContactPhone());
                    json.writeEnd();
                }
                json.write("episodeId", row.episodeId());
                text(json, "episodeState", row.episodeState());
                json.writeKey("evidence");
                copy(row.evidence(), json);
                json.writeStartArray("flags");
                for (WorklistFlag flag : row.flags()) {
                    json.writeStartObject();
                    json.write("id", flag.flagId());
                    text(json, "priority", flag.priority());
                    json.write("raisedOn", flag.raisedOn().toString());
                    text(json, "reason", flag.reason());
                    json.write("rule", flag.rule().name());
                    json.writeEnd();
                }
                json.writeEnd();
                json.write("id", row.flagId());
                number(json, "latestDisability", row.latestDisability());
                number(json, "latestNrs", row.latestNrs());
                text(json, "mrn", row.mrn());
                if (row.isUrgent()) {
                    json.write("overdue", row.overdue());
                }
                json.write("patientId", row.patientId());
                text(json, "patientName", row.patientName());
                if (row.isUrgent()) {
                    // Present for every URGENT row: null says "no phone number on record".
                    if (row.phone() == null) {
                        json.writeNull("phone");
                    } else {
                        json.write("phone", row.phone());
                    }
                }
                text(json, "physioName", row.physioName());
                text(json, "priority", row.priority());
                json.write("raisedOn", row.raisedOn().toString());
                text(json, "reason", row.reason());
                text(json, "region", row.region());
                json.write("rule", row.rule().name());
                // The worklist lists open flags only.
                json.write("status", "OPEN");
                json.writeEnd();
            }
            json.writeEnd();
        }
        return out.toString();
    }

    private static void text(JsonGenerator json, String key, String value) {
        if (value != null) {
            json.write(key, value);
        }
    }

    private static void number(JsonGenerator json, String key, Number value) {
        if (value instanceof BigDecimal decimal) {
            json.write(key, decimal);
        } else if (value != null) {
            json.write(key, value.longValue());
        }
    }

    /** One JSON value, from text to the generator, without building it as objects. */
    static void copy(String value, JsonGenerator json) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(value))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> json.writeStartObject();
                    case START_ARRAY -> json.writeStartArray();
                    case END_OBJECT, END_ARRAY -> json.writeEnd();
                    case KEY_NAME -> json.writeKey(parser.getString());
                    case VALUE_STRING -> json.write(parser.getString());
                    case VALUE_NUMBER -> {
                        if (parser.isIntegralNumber()) {
                            json.write(parser.getLong());
                        } else {
                            json.write(parser.getBigDecimal());
                        }
                    }
                    case VALUE_TRUE -> json.write(true);
                    case VALUE_FALSE -> json.write(false);
                    case VALUE_NULL -> json.writeNull();
                }
            }
        }
    }
}
