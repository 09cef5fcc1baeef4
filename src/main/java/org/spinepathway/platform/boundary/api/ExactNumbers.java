package org.spinepathway.platform.boundary.api;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.lang.reflect.Type;
import java.util.OptionalInt;
import java.util.OptionalLong;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import org.spinepathway.platform.control.JsonIntegers;

/**
 * The JSON-B every API call reads its body with: the default, except that an integer field
 * ({@code Integer} or {@code Long}, alone, in a list or in a nested object) takes only a JSON
 * integer written exactly and within its type's range (see {@link JsonIntegers}), and so does every
 * number of a JSON object taken as sent (an intervention's details). JSON-B's own conversion
 * stored {@code 7.5} as 7 and {@code 1e308} as 0; here such a value fails the read with
 * {@link NotAnExactInteger}, which {@link ApiExceptionMappers} answers with a 400 naming the field,
 * before any resource runs. JSON-B takes a reader for a boxed type only, so request bodies declare
 * no primitive numbers ({@code ExactNumbersTest} holds them to it).
 */
@Provider
public class ExactNumbers implements ContextResolver<Jsonb> {

    public static final String MESSAGE = "Send a whole number written exactly as digits, such as 7: no decimal point, exponent or quotes,"
            + " and within the field's range.";

    private static final Jsonb JSONB = JsonbBuilder.create(config());

    /** The configuration: JSON-B's defaults and the exact integer readers. */
    public static JsonbConfig config() {
        return new JsonbConfig().withDeserializers(new ExactInteger(), new ExactLong(), new ExactJsonObject());
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /**
     * A value sent for an integer field that is not an integer written exactly within the field's
     * range. A {@code JsonbException}, because JSON-B names the property only around those.
     */
    public static class NotAnExactInteger extends JsonbException {

        private static final long serialVersionUID = 1L;

        public NotAnExactInteger() {
            super(MESSAGE);
        }

        /** Inside a JSON object taken as it is ({@code details}): the member named the way JSON-B names a property. */
        NotAnExactInteger(String member) {
            super("Unable to deserialize property '" + member + "' because of: " + MESSAGE);
        }
    }

    public static class ExactInteger implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            if (isNull(parser)) {
                return null;
            }
            OptionalInt value = JsonIntegers.exactInt(numberText(parser));
            if (value.isEmpty()) {
                throw new NotAnExactInteger();
            }
            return value.getAsInt();
        }
    }

    public static class ExactLong implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            if (isNull(parser)) {
                return null;
            }
            OptionalLong value = JsonIntegers.exactLong(numberText(parser));
            if (value.isEmpty()) {
                throw new NotAnExactInteger();
            }
            return value.getAsLong();
        }
    }

    /**
     * A JSON object taken as sent (an intervention's {@code details}). The API takes no fraction
     * anywhere, so every number in it must be an integer written exactly; the default reader would
     * keep {@code 3e0} as 3 and lose how it was written, so the object is built here from the
     * parser's events, with the number text judged as it arrives.
     */
    public static class ExactJsonObject implements JsonbDeserializer<JsonObject> {
        @Override
        public JsonObject deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            String member = null;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> member = parser.getString();
                    case VALUE_NUMBER -> object.add(member, JSON.createValue(exact(parser, member)));
                    case START_OBJECT -> object.add(member, deserialize(parser, context, type));
                    case START_ARRAY -> object.add(member, array(parser, member, context, type));
                    case END_OBJECT -> {
                        return object.build();
                    }
                    default -> object.add(member, parser.getValue());
                }
            }
            return object.build();
        }

        private JsonArray array(JsonParser parser, String member, DeserializationContext context, Type type) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case VALUE_NUMBER -> array.add(JSON.createValue(exact(parser, member)));
                    case START_OBJECT -> array.add(deserialize(parser, context, type));
                    case START_ARRAY -> array.add(array(parser, member, context, type));
                    case END_ARRAY -> {
                        return array.build();
                    }
                    default -> array.add(parser.getValue());
                }
            }
            return array.build();
        }

        private static long exact(JsonParser parser, String member) {
            OptionalLong value = JsonIntegers.exactLong(parser.getString());
            if (value.isEmpty()) {
                throw new NotAnExactInteger(member);
            }
            return value.getAsLong();
        }
    }

    /**
     * Whether the value is JSON's null. JSON-B answers a null field itself, but hands a list's null
     * element over; and its parser has no {@code currentEvent()}, so {@code isIntegralNumber()} and
     * {@code getValue()} are what tell a number, null and the rest apart.
     */
    private static boolean isNull(JsonParser parser) {
        return !isNumber(parser) && parser.getValue() == JsonValue.NULL;
    }

    private static boolean isNumber(JsonParser parser) {
        try {
            parser.isIntegralNumber();
            return true;
        } catch (IllegalStateException notANumber) {
            return false;
        }
    }

    /** The number as the client wrote it; null for anything that is not a JSON number (a string "7" included). */
    private static String numberText(JsonParser parser) {
        return isNumber(parser) ? parser.getString() : null;
    }
}
