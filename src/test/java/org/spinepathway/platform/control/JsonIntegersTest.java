package org.spinepathway.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.OptionalInt;
import java.util.OptionalLong;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonIntegersTest {

    @ParameterizedTest
    @CsvSource({"7, 7", "0, 0", "-0, 0", "-3, -3", "10, 10", "2147483647, 2147483647", "-2147483648, -2147483648"})
    void anIntegerWrittenAsDigitsWithinTheIntRange_isThatInt(String text, int expected) {
        assertEquals(OptionalInt.of(expected), JsonIntegers.exactInt(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.5", "7.0", "2.9", "0.0000001", "1e2", "1E2", "7e0", "1e308", "-1e-2", "+7", "07", " 7", "7 ", "",
            "2147483648", "-2147483649", "4294967303", "9223372036854775808", "-9223372036854775809", "99999999999999999999999",
            "\"7\"", "seven", "NaN", "Infinity", "0x10", "1_000", "٣"})
    void anythingElse_isNoInt(String text) {
        assertEquals(OptionalInt.empty(), JsonIntegers.exactInt(text), text);
    }

    @ParameterizedTest
    @CsvSource({"9223372036854775807, 9223372036854775807", "-9223372036854775808, -9223372036854775808", "4294967303, 4294967303", "-0, 0"})
    void anIntegerWithinTheLongRange_isThatLong(String text, long expected) {
        assertEquals(OptionalLong.of(expected), JsonIntegers.exactLong(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "18446744073709551623", "1e18", "7.0", "\"7\""})
    void aNumberOutsideTheLongRangeOrNotAnInteger_isNoLong(String text) {
        assertEquals(OptionalLong.empty(), JsonIntegers.exactLong(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"3|3", "-0|0", "3.0|", "1e2|", "4294967303|", "\"3\"|", "true|", "null|", "[3]|"})
    void aParsedJsonValue_isJudgedAsItWasWritten(String written, Integer expected) {
        JsonObject object;
        try (var reader = Json.createReader(new StringReader("{\"n\":" + written + "}"))) {
            object = reader.readObject();
        }
        assertEquals(expected == null ? OptionalInt.empty() : OptionalInt.of(expected), JsonIntegers.exactInt(object.get("n")), written);
    }
}
