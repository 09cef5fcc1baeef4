package org.spinepathway.platform.control;

import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;

/**
 * Whether a number as a client wrote it is an integer, exactly. Readers of JSON convert leniently:
 * {@code 7.5} became 7, {@code 1e308} and {@code 9223372036854775808} became 0, a number just
 * above 2^32 a small one; a pain score, an ODI answer or an MRC grade stored as a different
 * number from the one given is a clinical error. So an integer field takes only a JSON integer
 * written as digits, with an optional minus sign, that fits its type: {@code 7}, {@code -3}, and
 * {@code -0} (the JSON grammar's integer, read as 0). Refused: fractions ({@code 7.5}, and
 * {@code 7.0}, which is written as a fraction even though it has none), exponents ({@code 1e2}),
 * a plus sign, values outside the type's range, and numbers sent as text ({@code "7"}).
 */
public final class JsonIntegers {

    /** The JSON grammar's integer: no fraction, no exponent, no leading zero, no plus sign. */
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

    private JsonIntegers() {
    }

    /** Whether the text is written as JSON writes an integer, whatever its size: digits, an optional minus sign, no leading zero. */
    public static boolean writesAnInteger(String text) {
        return text != null && INTEGER.matcher(text).matches();
    }

    /** The int the text writes exactly, or empty when it is not an integer within the int range. */
    public static OptionalInt exactInt(String text) {
        OptionalLong value = exactLong(text);
        if (value.isEmpty() || value.getAsLong() < Integer.MIN_VALUE || value.getAsLong() > Integer.MAX_VALUE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) value.getAsLong());
    }

    /** The long the text writes exactly, or empty when it is not an integer within the long range. */
    public static OptionalLong exactLong(String text) {
        // 20 characters hold every long (19 digits and a sign); longer text cannot fit, and is not scanned.
        if (text == null || text.length() > 20 || !writesAnInteger(text)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException outOfRange) {
            return OptionalLong.empty();
        }
    }

    /**
     * A number of a parsed JSON object ({@code JsonObject} details), judged by how it reads: the
     * parser keeps integers as written and other numbers as decimals, so {@code 7.0} and {@code 1e2}
     * read "7.0" and "1E+2" and are refused as when they are read from the text. Strings, booleans
     * and structures are not numbers.
     */
    public static OptionalInt exactInt(JsonValue value) {
        return value instanceof JsonNumber number ? exactInt(number.toString()) : OptionalInt.empty();
    }
}
