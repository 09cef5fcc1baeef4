package org.spinepathway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void aCode_shouldBeComparedWithoutItsHyphensSpacesOrCase() {
        assertEquals("tf8iexmo3lcbslkm", RecoveryCodes.normalized("tf8i-exmo-3lcb-slkm"));
        assertEquals("tf8iexmo3lcbslkm", RecoveryCodes.normalized(" TF8I EXMO 3LCB SLKM "));
        assertEquals("", RecoveryCodes.normalized(null));
    }
}
