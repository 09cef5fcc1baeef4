package org.spinepathway.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The audit trail's hash chain: each seal is the SHA-256 of the previous seal (hex) and the
 * event's fields in a fixed, unambiguous form (each field's length before it, a null marked as
 * such, the time in microseconds since the epoch), so changing any field, or removing an event,
 * changes every seal from there on.
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

    /** The seal of {@code event} after the seal {@code previous}. */
    public static String link(String previous, Sealed event) {
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
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
