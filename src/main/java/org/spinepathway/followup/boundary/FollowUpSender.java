package org.spinepathway.followup.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.spinepathway.followup.control.DueCheckIn;

/**
 * How an invitation or a reminder reaches the patient. The invitation job decides who is due and
 * writes the invitations; a sender only turns each into a message on its channel, in the job's
 * transaction (so a message exists exactly when its invitation does). {@link EmailFollowUpSender}
 * queues e-mail in the outbox; an SMS sender would implement this interface too (choosing it by
 * the patient's preference is then the only change in {@link FollowUpInvitations}).
 */
public interface FollowUpSender {

    enum Kind {
        INVITATION,
        REMINDER
    }

    /**
     * One message: the check-in, how it is named, the link that opens it, the page that stops these
     * messages, and the address a mail program's one-click "unsubscribe" posts to.
     */
    record Outgoing(Kind kind, DueCheckIn checkIn, String checkInWords, String answerLink, String stopLink, String oneClickStop) {
    }

    /** Sends (or queues for sending) the messages, writing on {@code connection}, which is in the job's transaction. */
    void send(Connection connection, List<Outgoing> messages) throws SQLException;
}
