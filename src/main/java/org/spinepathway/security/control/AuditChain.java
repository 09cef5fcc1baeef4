package org.spinepathway.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit trail's hash chain: each seal is the HMAC-SHA256, under a key kept outside the
 * database ({@code clinic.audit.seal-key}), of the previous seal (hex) and the event's fields in a
 * fixed, unambiguous form (each field's length before it, a null marked as such, the time in
 * microseconds since the epoch), so changing any field, or removing an event, changes every seal
 * from there on, and without the key nobody can compute seals that hold again. With no key it is a
 * plain SHA-256: that still shows a changed row, but someone who can write the database could seal
 * the chain anew.
 */
public final class AuditChain {

    /** What the first seal follows. */
    public static final String GENESIS = "0".repeat(64);

    /** The fields of an event that its seal covers. */
    public record Sealed(long id, Instant occurredAt, String username, String action, Long patientId, String recordType,
                         Long recordId, String detail, String clientAddress) {
    }

    private AuditChain() {
    }

    /** The seal of {@code event} after the seal {@code previous}, without a key (plain SHA-256). */
    public static String link(String previous, Sealed event) {
        return link(previous, event, null);
    }

    /** The seal of {@code event} after the seal {@code previous}: HMAC-SHA256 under {@code key}, or SHA-256 when it is null or empty. */
    public static String link(String previous, Sealed event, byte[] key) {
        StringBuilder canonical = new StringBuilder(previous).append('\n');
        field(canonical, String.valueOf(event.id()));
        field(canonical, String.valueOf(event.occurredAt().getEpochSecond() * 1_000_000L + event.occurredAt().getNano() / 1_000));
        field(canonical, event.username());
        field(canonical, event.action());
        field(canonical, event.patientId() == null ? null : event.patientId().toString());
        field(canonical, event.recordType());
        field(canonical, event.recordId() == null ? null : event.recordId().toString());
        field(canonical, event.detail());
        field(canonical, event.clientAddress());
        byte[] bytes = canonical.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (key == null || key.length == 0) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has SHA-256 and HmacSHA256", e);
        }
    }

    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-|");
        } else {
            canonical.append(value.length()).append(':').append(value).append('|');
        }
    }
}
