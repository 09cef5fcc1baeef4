package org.spinepathway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String KEY = "a-totp-key-of-at-least-32-characters-0123";
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Test
    void aSealedSecret_shouldNotShowTheSecret_andOpenWithTheSameKeyOnly() {
        SecretBox box = new SecretBox(Optional.of(KEY));
        String stored = box.seal(SECRET);
        assertTrue(stored.startsWith(SecretBox.PREFIX), stored);
        assertFalse(stored.contains(SECRET));
        assertNotEquals(stored, box.seal(SECRET), "a new nonce each time");
        assertEquals(Optional.of(SECRET), box.open(stored));
        assertEquals(Optional.empty(), new SecretBox(Optional.of(KEY + "x")).open(stored), "another key");
        assertEquals(Optional.empty(), new SecretBox(Optional.empty()).open(stored), "no key");
    }

    @Test
    void aChangedValue_shouldNotOpen() {
        SecretBox box = new SecretBox(Optional.of(KEY));
        String stored = box.seal(SECRET);
        char[] chars = stored.toCharArray();
        int i = SecretBox.PREFIX.length() + 20;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        assertEquals(Optional.empty(), box.open(new String(chars)));
        assertEquals(Optional.empty(), box.open(SecretBox.PREFIX + "not base64!"));
    }

    @Test
    void withoutAKey_theSecretIsKeptAsItIs_andAPlainValueStillOpensOnceAKeyIsSet() {
        SecretBox none = new SecretBox(Optional.of("  "));
        assertFalse(none.encrypts());
        assertEquals(SECRET, none.seal(SECRET));
        assertEquals(Optional.of(SECRET), new SecretBox(Optional.of(KEY)).open(SECRET));
    }

    @Test
    void aShortKey_shouldStopTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(Optional.of("too-short")));
    }
}
