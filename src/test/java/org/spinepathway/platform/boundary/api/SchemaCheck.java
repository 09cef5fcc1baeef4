package org.spinepathway.platform.boundary.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * A JSON value against a schema of the document, for the OpenAPI 3.0 keywords the document uses
 * ($ref, allOf, oneOf, type, nullable, enum, format date and date-time, ranges, lengths, pattern,
 * item counts, required, properties, additionalProperties false). The problems found, each with
 * its JSON path; none when the value is valid.
 */
final class SchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAPI document;

    SchemaCheck(OpenAPI document) {
        this.document = document;
    }

    List<String> problems(String schemaName, String json) {
        try {
            List<String> problems = new ArrayList<>();
            check(named(schemaName), JSON.readTree(json), "$", problems);
            return problems;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
    }

    /** For an array of values, each against the schema. */
    List<String> problemsOfItems(String schemaName, String json) {
        try {
            JsonNode array = JSON.readTree(json);
            if (!array.isArray()) {
                return List.of("$: not an array");
            }
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                check(named(schemaName), array.get(i), "$[" + i + "]", problems);
            }
            return problems;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
    }

    private Schema<?> named(String name) {
        Schema<?> schema = document.getComponents().getSchemas().get(name);
        if (schema == null) {
            throw new IllegalArgumentException("no schema " + name);
        }
        return schema;
    }

    private Schema<?> resolved(Schema<?> schema) {
        return schema.get$ref() == null ? schema : named(schema.get$ref().substring("#/components/schemas/".length()));
    }

    @SuppressWarnings("unchecked")
    private void check(Schema<?> given, JsonNode value, String path, List<String> problems) {
        Schema<?> schema = resolved(given);
        if (value.isNull()) {
            if (!Boolean.TRUE.equals(schema.getNullable())) {
                problems.add(path + ": null where the schema has no nullable");
            }
            return;
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(part -> check(part, value, path, problems));
        }
        if (schema.getOneOf() != null) {
            long matching = schema.getOneOf().stream().filter(option -> {
                List<String> own = new ArrayList<>();
                check(option, value, path, own);
                return own.isEmpty();
            }).count();
            if (matching != 1) {
                problems.add(path + ": matches " + matching + " of the oneOf schemas, not exactly one");
            }
        }
        if (schema.getType() != null && !hasType(schema.getType(), value)) {
            problems.add(path + ": not of type " + schema.getType());
            return;
        }
        if (schema.getEnum() != null && schema.getEnum().stream().noneMatch(e -> String.valueOf(e).equals(value.asText()))) {
            problems.add(path + ": " + value + " is not one of " + schema.getEnum());
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            if (schema.getMinimum() != null && number.compareTo(schema.getMinimum()) < 0) {
                problems.add(path + ": " + number + " is below " + schema.getMinimum());
            }
            if (schema.getMaximum() != null && number.compareTo(schema.getMaximum()) > 0) {
                problems.add(path + ": " + number + " is above " + schema.getMaximum());
            }
        }
        if (value.isTextual()) {
            text(schema, value.asText(), path, problems);
        }
        if (value.isArray()) {
            if (schema.getMinItems() != null && value.size() < schema.getMinItems()) {
                problems.add(path + ": fewer than " + schema.getMinItems() + " items");
            }
            if (schema.getMaxItems() != null && value.size() > schema.getMaxItems()) {
                problems.add(path + ": more than " + schema.getMaxItems() + " items");
            }
            if (schema.getItems() != null) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.getItems(), value.get(i), path + "[" + i + "]", problems);
                }
            }
        }
        if (value.isObject()) {
            Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
            if (schema.getRequired() != null) {
                schema.getRequired().stream().filter(name -> !value.has(name)).forEach(name -> problems.add(path + "." + name + ": required"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                Schema<?> property = properties.get(field.getKey());
                if (property != null) {
                    check(property, field.getValue(), path + "." + field.getKey(), problems);
                } else if (Boolean.FALSE.equals(schema.getAdditionalProperties())) {
                    problems.add(path + "." + field.getKey() + ": not a property of this schema");
                }
            }
        }
    }

    private static void text(Schema<?> schema, String text, String path, List<String> problems) {
        if (schema.getMinLength() != null && text.length() < schema.getMinLength()) {
            problems.add(path + ": shorter than " + schema.getMinLength());
        }
        if (schema.getMaxLength() != null && text.length() > schema.getMaxLength()) {
            problems.add(path + ": longer than " + schema.getMaxLength());
        }
        if (schema.getPattern() != null && !Pattern.compile(schema.getPattern()).matcher(text).find()) {
            problems.add(path + ": does not match " + schema.getPattern());
        }
        try {
            if ("date".equals(schema.getFormat())) {
                LocalDate.parse(text);
            } else if ("date-time".equals(schema.getFormat())) {
                OffsetDateTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            problems.add(path + ": not a " + schema.getFormat());
        }
    }

    private static boolean hasType(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            default -> throw new IllegalArgumentException("type " + type);
        };
    }
}
