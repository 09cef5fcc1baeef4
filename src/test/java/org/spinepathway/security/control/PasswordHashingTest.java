package org.spinepathway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    @Test
    void parameters_shouldBePbkdf2WithHmacSha512AtOwaspStrength() {
        Map<String, String> parameters = PasswordHashing.parameters();
        assertEquals("PBKDF2WithHmacSHA512", parameters.get("Pbkdf2PasswordHash.Algorithm"));
        assertEquals(210_000, Integer.parseInt(parameters.get("Pbkdf2PasswordHash.Iterations")));
        assertEquals(32, Integer.parseInt(parameters.get("Pbkdf2PasswordHash.SaltSizeBytes")));
        assertEquals(64, Integer.parseInt(parameters.get("Pbkdf2PasswordHash.KeySizeBytes")));
    }

    @Test
    void fewerIterations_forTests_changeOnlyTheCount_andNeverBelowTheHashersMinimum() {
        Map<String, String> parameters = PasswordHashing.parameters(1024);
        assertEquals(1024, Integer.parseInt(parameters.get("Pbkdf2PasswordHash.Iterations")));
        assertEquals("PBKDF2WithHmacSHA512", parameters.get("Pbkdf2PasswordHash.Algorithm"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHashing.parameters(1023));
    }
}
