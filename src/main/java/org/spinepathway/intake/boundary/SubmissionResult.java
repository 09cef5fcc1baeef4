package org.spinepathway.intake.boundary;

import java.util.List;
import java.util.Optional;

import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.intake.control.DisabilityScore;
import org.spinepathway.intake.control.StartBackScore;
import org.spinepathway.intake.entity.DisabilityInstrument;
import org.spinepathway.intake.entity.Intake;
import org.spinepathway.intake.entity.RedFlag;

/** What a submitted intake tells the patient and the clinic: scores, red flags, and the flags raised. */
public record SubmissionResult(Intake intake, DisabilityInstrument instrument, DisabilityScore disability,
                               Optional<StartBackScore> startBack, List<RedFlag> redFlags, List<EscalationFlag> flags) {

    /** Bladder or bowel change, or saddle numbness: emergency care now. */
    public boolean isEmergency() {
        return redFlags.stream().anyMatch(RedFlag::isEmergency);
    }

    public boolean hasRedFlags() {
        return !redFlags.isEmpty();
    }
}
