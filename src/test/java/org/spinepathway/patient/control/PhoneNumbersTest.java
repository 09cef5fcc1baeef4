package org.spinepathway.patient.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spinepathway.patient.control.PhoneNumbers.Refusal;
import org.spinepathway.patient.control.PhoneNumbers.Result;

class PhoneNumbersTest {

    private final PhoneNumbers uk = new PhoneNumbers("GB");

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+44 7400 123456     | +447400123456",
            "07400 123456        | +447400123456",
            "07400123456         | +447400123456",
            "+44 (0)7400 123456  | +447400123456",
            "0044 7400 123456    | +447400123456",
            "(020) 7946 0018     | +442079460018",
            "020-7946-0018       | +442079460018",
            "  07400 123456      | +447400123456",
            "+1 202 555 0143     | +12025550143",
            "+33 6 12 34 56 78   | +33612345678",
    })
    void parse_shouldGiveTheNumberInE164Form_forCommonWaysOfWritingIt(String typed, String e164) {
        Result result = uk.parse(typed);
        assertTrue(result.isValid(), () -> typed + ": " + result);
        assertEquals(e164, result.e164());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "hello                       | NOT_A_NUMBER",
            "0800 FLOWERS                | NOT_A_NUMBER",
            "07400 12345a                | NOT_A_NUMBER",
            "-                           | NOT_A_NUMBER",
            "+999 123                    | UNKNOWN_COUNTRY_CODE",
            "+999 123 456 789            | UNKNOWN_COUNTRY_CODE",
            "12                          | NOT_VALID_FOR_REGION",
            "07400 12345                 | NOT_VALID_FOR_REGION",
            "07700 900123                | NOT_VALID_FOR_REGION",
            "+44 7700 900123             | NOT_VALID_FOR_REGION",
            "07400 1234567890123         | TOO_LONG",
            "0740012345601234567890123456789012345678901 | TOO_LONG",
    })
    void parse_shouldRefuseWithTheReason_whatIsNoValidNumber(String typed, Refusal refusal) {
        Result result = uk.parse(typed);
        assertFalse(result.isValid(), () -> typed + " was taken as " + result.e164());
        assertNull(result.e164());
        assertEquals(refusal, result.refusal(), typed);
    }

    @Test
    void refusal_shouldNameTheCountryTheNumberWasReadFor() {
        assertEquals("United Kingdom", uk.parse("07400 12345").regionName());
        assertEquals("France", uk.parse("+33 6 12 34").regionName(), "a country code decides the country, not the default");
    }

    @Test
    void numberWithoutCountryCode_shouldBeReadForTheConfiguredRegion() {
        PhoneNumbers us = new PhoneNumbers("us");
        assertEquals("+12025550143", us.parse("(202) 555-0143").e164());
        assertEquals(Refusal.TOO_LONG, us.parse("07400 123456").refusal(), "a UK mobile written nationally is too long for a US number");
        assertEquals("+447400123456", us.parse("+44 7400 123456").e164());
    }

    @Test
    void parseIfPresent_shouldTakeNothingTypedAsNoNumber() {
        assertTrue(uk.parseIfPresent(null).isEmpty());
        assertTrue(uk.parseIfPresent("   ").isEmpty());
        assertEquals("+447400123456", uk.parseIfPresent("07400 123456").orElseThrow().e164());
    }

    @Test
    void unknownDefaultRegion_shouldBeRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers("XX"));
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers(""));
        assertEquals("GB", new PhoneNumbers(" gb ").defaultRegion());
    }
}
