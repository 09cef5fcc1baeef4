package org.spinepathway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GeneratedPasswordTest {

    @Test
    void next_shouldGiveTwentyCharactersFromTheUnambiguousAlphabet() {
        String password = GeneratedPassword.next();
        assertEquals(GeneratedPassword.LENGTH, password.length());
        for (char c : password.toCharArray()) {
            assertTrue(GeneratedPassword.ALPHABET.indexOf(c) >= 0, "unexpected character " + c);
        }
        assertTrue(password.chars().noneMatch(c -> "0O1lI".indexOf(c) >= 0), "easily misread characters are left out");
    }

    @Test
    void next_shouldNotRepeatItself() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(GeneratedPassword.next()), "a generated password repeated");
        }
    }
}
