package org.spinepathway.security.control;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, what
 * authenticator apps use), through the dev.samstevens.totp library: a secret for enrolment, its QR
 * code, and the time step a code matches, so that a code used once cannot be used again.
 */
public final class Totp {

    public static final int PERIOD_SECONDS = 30;
    public static final int DIGITS = 6;
    /** Codes of the step before and after now are taken too: clocks and typing drift. */
    static final int ALLOWED_STEPS_AWAY = 1;
    static final int RECOVERY_CODES = 10;

    private final CodeGenerator codes;

    public Totp() {
        this(new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS));
    }

    Totp(CodeGenerator codes) {
        this.codes = codes;
    }

    /** A new secret, 160 random bits in Base32 (32 characters). */
    public static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** Ten single-use recovery codes, to show the user once. */
    public static List<String> newRecoveryCodes() {
        return List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
    }

    /** The enrolment QR code (an otpauth:// URI) as a PNG data URI for an {@code <img>}. */
    public static String qrCodeDataUri(String secret, String accountLabel, String issuer) {
        QrData data = new QrData.Builder().label(accountLabel).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build();
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(png.generate(data), png.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Could not draw the enrolment QR code", e);
        }
    }

    /** The time step {@code now} falls in. */
    public static long stepAt(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), PERIOD_SECONDS);
    }

    /**
     * The time step whose code {@code code} is, within one step of {@code now}, and after
     * {@code lastUsedStep} (a code is good once); empty when it is none of them.
     */
    public OptionalLong matchingStep(String secret, String code, Instant now, long lastUsedStep) {
        if (secret == null || code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        String typed = code.strip();
        long current = stepAt(now);
        for (long step = current - ALLOWED_STEPS_AWAY; step <= current + ALLOWED_STEPS_AWAY; step++) {
            if (step > lastUsedStep && constantTimeEquals(codeAt(secret, step), typed)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    String codeAt(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Could not compute a one-time code", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
