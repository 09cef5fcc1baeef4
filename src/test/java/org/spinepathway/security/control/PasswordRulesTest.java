package org.spinepathway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordRulesTest {

    @ParameterizedTest(name = "\"{0}\" for {1}: {2} problems")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "correct-horse-42      | ada@example.org | 0",
            "Twelve chars1         | pat.physio      | 0",
            "short1!               | pat             | 1",
            "elevenchar1           | pat             | 1",
            "twelvecharsx          | pat             | 1",
            "123456789012          | pat             | 1",
            "my-adal-password-1    | adal@example.org | 1",
            "my-ada-password-1     | ada@example.org | 0",
            "ADA@EXAMPLE.ORG-2026  | ada@example.org | 1",
            "a-pat-password-2      | pat             | 1",
            "NULL                  | pat             | 1",
            "abc                   | pat             | 2",
    })
    void problems_shouldCountEveryBrokenRule(String password, String username, int expected) {
        assertEquals(expected, PasswordRules.problems(password == null ? null : password.strip(), username).size(),
                () -> String.valueOf(PasswordRules.problems(password, username)));
    }

    @ParameterizedTest(name = "length {0} -> {1} problems")
    @CsvSource({"11,1", "12,0", "128,0", "129,1"})
    void length_shouldBeTwelveToOneHundredTwentyEight(int length, int expected) {
        String password = "a1".repeat(length / 2) + (length % 2 == 1 ? "b" : "");
        assertEquals(expected, PasswordRules.problems(password, "someone").size());
    }

    @ParameterizedTest(name = "control character U+{0}")
    @CsvSource({"0000", "0009", "000a", "000d", "001b", "2028"})
    void problems_shouldRefuseControlCharacters_whichSignInRefusesToo(String hex) {
        String password = "long-enough-1" + (char) Integer.parseInt(hex, 16) + "x";
        assertEquals(1, PasswordRules.problems(password, "someone").size(), () -> String.valueOf(PasswordRules.problems(password, "someone")));
    }
}
