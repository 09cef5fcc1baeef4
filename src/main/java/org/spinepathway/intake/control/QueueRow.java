package org.spinepathway.intake.control;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.spinepathway.care.entity.Side;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.intake.entity.DisabilityInstrument;

/**
 * One line of the physiotherapists' intake queue, with where its episode stands: {@code status} is
 * one of {@link IntakeQueue.Status}.
 */
public record QueueRow(long intakeId, long episodeId, OffsetDateTime submittedAt, String redFlags, Integer painNow,
                       DisabilityInstrument instrument, BigDecimal disabilityScore, SpineRegion region, Side side,
                       long patientId, String mrn, String givenName, String familyName, IntakeQueue.Status status) {

    public boolean hasRedFlags() {
        return redFlags != null && !redFlags.isEmpty();
    }

    public String getPatientName() {
        return givenName + " " + familyName;
    }
}
