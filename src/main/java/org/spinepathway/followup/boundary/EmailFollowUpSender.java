package org.spinepathway.followup.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follow-up by e-mail: each message is a row of the mail outbox, tied to its invitation, which the
 * outbox sends over SMTP (and retries while the server is away). The text names the patient by
 * first name only and says nothing of their care: an e-mail can be read by others.
 */
@ApplicationScoped
public class EmailFollowUpSender implements FollowUpSender {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    @Inject
    @ConfigProperty(name = "clinic.name")
    String clinicName;

    @Override
    public void send(Connection connection, List<Outgoing> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO mail_outbox (recipient, subject, body, follow_up_invitation_id, list_unsubscribe)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[])""")) {
            insert.setArray(1, connection.createArrayOf("text", messages.stream().map(m -> m.checkIn().email()).toArray()));
            insert.setArray(2, connection.createArrayOf("text", messages.stream().map(this::subject).toArray()));
            insert.setArray(3, connection.createArrayOf("text", messages.stream().map(this::body).toArray()));
            insert.setArray(4, connection.createArrayOf("int8", messages.stream().map(m -> m.checkIn().invitationId()).toArray()));
            insert.setArray(5, connection.createArrayOf("text", messages.stream().map(Outgoing::oneClickStop).toArray()));
            insert.executeUpdate();
        }
    }

    String subject(Outgoing m) {
        return (m.kind() == Kind.REMINDER ? "Reminder: your check-in with " : "Your check-in with ") + clinicName;
    }

    String body(Outgoing m) {
        String name = m.checkIn().givenName() == null || m.checkIn().givenName().isBlank() ? "" : " " + m.checkIn().givenName().strip();
        String ask = m.checkIn().outcome()
                ? "It is " + m.checkInWords() + ": a few questions about your pain, what it stops you doing, work and pain medicines."
                + " Your answers show how your treatment has worked."
                : "A few questions about your pain and what it stops you doing this week. Your physiotherapist reads your answers.";
        return "Hello" + name + ",\n\n"
                + (m.kind() == Kind.REMINDER ? "We have not had your answers yet. " : "")
                + ask + " It takes about five minutes.\n\n"
                + "Answer here, by " + DAY.format(m.checkIn().closes()) + " (no password needed):\n\n"
                + m.answerLink() + "\n\n"
                + "If your symptoms are getting worse, or you have trouble passing urine or numbness between your legs,"
                + " do not wait for the check-in: call the clinic, or go to an emergency department now.\n\n"
                + "To stop these e-mails, open this link and press \"Stop\": " + m.stopLink() + "\n\n"
                + clinicName + "\n";
    }
}
