package org.spinepathway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.OptionalLong;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238's test secret, the ASCII "12345678901234567890", in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codes_shouldBeRfc6238s_testVectors() {
        // RFC 6238 appendix B, SHA1, 8 digits: T = 59 s -> 94287082, T = 1111111109 s -> 07081804.
        Totp eightDigits = new Totp(new DefaultCodeGenerator(HashingAlgorithm.SHA1, 8));
        assertEquals("94287082", eightDigits.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(59))));
        assertEquals("07081804", eightDigits.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1111111109))));
        // The app's six digits are the last six of the same number.
        assertEquals("287082", new Totp().codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(59))));
    }

    @Test
    void aCode_shouldMatchItsStep_oneStepEitherSide_andOnlyOnce() {
        Totp totp = new Totp();
        Instant now = Instant.ofEpochSecond(1_796_300_000L);
        long step = Totp.stepAt(now);
        String code = totp.codeAt(RFC_SECRET, step);
        assertEquals(OptionalLong.of(step), totp.matchingStep(RFC_SECRET, code, now, 0));
        assertEquals(OptionalLong.of(step), totp.matchingStep(RFC_SECRET, " " + code + " ", now.plusSeconds(30), 0), "a step late");
        assertEquals(OptionalLong.empty(), totp.matchingStep(RFC_SECRET, code, now.plusSeconds(61), 0), "two steps late");
        assertEquals(OptionalLong.empty(), totp.matchingStep(RFC_SECRET, code, now, step), "used once already");
        assertEquals(OptionalLong.empty(), totp.matchingStep(RFC_SECRET, "12345", now, 0));
        assertEquals(OptionalLong.empty(), totp.matchingStep(RFC_SECRET, "12a456", now, 0));
        assertEquals(OptionalLong.empty(), totp.matchingStep(RFC_SECRET, null, now, 0));
    }

    @Test
    void enrolment_shouldGiveANewSecret_tenRecoveryCodes_andAQrCode() {
        String secret = Totp.newSecret();
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        assertEquals(10, new HashSet<>(Totp.newRecoveryCodes()).size());
        assertTrue(Totp.qrCodeDataUri(secret, "Spine Pathway:dr.who", "Spine Pathway").startsWith("data:image/png;base64,"));
    }
}
