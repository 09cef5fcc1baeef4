package org.spinepathway.followup.control;

import java.time.LocalDate;

/**
 * A check-in to send now: a new invitation, or a reminder of one ({@code invitationId} then set),
 * with what the message needs to reach the patient and name the check-in.
 */
public record DueCheckIn(Long invitationId, long episodeId, String timePoint, boolean outcome, LocalDate dueOn, LocalDate opens,
                         LocalDate closes, long patientId, String givenName, String email, String phone) {

    public DueCheckIn withInvitation(long id) {
        return new DueCheckIn(id, episodeId, timePoint, outcome, dueOn, opens, closes, patientId, givenName, email, phone);
    }
}
