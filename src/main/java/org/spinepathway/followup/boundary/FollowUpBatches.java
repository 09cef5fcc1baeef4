package org.spinepathway.followup.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.spinepathway.care.boundary.CheckInSchedule;
import org.spinepathway.followup.control.DueCheckIn;
import org.spinepathway.followup.control.InvitationQueries;
import org.spinepathway.followup.control.LinkTokens;
import org.spinepathway.platform.boundary.ConnectionSecurity;
import org.spinepathway.platform.boundary.DatabaseMigration;
import org.spinepathway.security.boundary.TaskLinks;

/**
 * One batch of the invitation job in one transaction: the invitations (or the reminders counted),
 * their links, and their messages, all or nothing. A batch that fails leaves no invitation without
 * its e-mail and no e-mail without its invitation.
 */
@ApplicationScoped
public class FollowUpBatches {

    /** How long the "stop these e-mails" link in a message works. */
    static final Duration STOP_LINK_LIFETIME = Duration.ofDays(400);

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    FollowUpSender sender;

    @Inject
    CheckInSchedule schedule;

    @Inject
    ConnectionSecurity connection;

    @Inject
    Clock clock;

    /** Writes the batch's new invitations, sent {@code today}, and sends each its invitation; returns how many were new. */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = SQLException.class)
    public int invite(List<DueCheckIn> batch, LocalDate today) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<DueCheckIn> added = InvitationQueries.insertInvitations(c, batch, today);
            sender.send(c, withLinks(c, added, FollowUpSender.Kind.INVITATION));
            return added.size();
        }
    }

    /**
     * Counts a reminder for each invitation of the batch still due one as of {@code asOf}, sent
     * {@code today}, and sends it with a new link; the invitation's earlier links stop opening it (one
     * live link per check-in). Returns how many.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = SQLException.class)
    public int remind(List<DueCheckIn> batch, LocalDate asOf, LocalDate today, int maxReminders, int spacingDays) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<DueCheckIn> counted = InvitationQueries.countReminders(c, batch, asOf, today, maxReminders, spacingDays);
            try (PreparedStatement replace = c.prepareStatement("UPDATE follow_up_link SET used_at = ? WHERE invitation_id = ANY (?)"
                    + " AND purpose = 'ANSWER' AND used_at IS NULL")) {
                replace.setTimestamp(1, Timestamp.from(clock.instant()));
                replace.setArray(2, c.createArrayOf("int8", counted.stream().map(DueCheckIn::invitationId).toArray()));
                replace.executeUpdate();
            }
            sender.send(c, withLinks(c, counted, FollowUpSender.Kind.REMINDER));
            return counted.size();
        }
    }

    /**
     * A fresh pair of links for each message: one that opens the check-in until its window closes
     * (the end of its last day in the clinic's time zone), one that stops the patient's follow-up
     * e-mails. The database keeps their hashes only.
     */
    private List<FollowUpSender.Outgoing> withLinks(Connection c, List<DueCheckIn> checkIns, FollowUpSender.Kind kind) throws SQLException {
        List<FollowUpSender.Outgoing> out = new ArrayList<>(checkIns.size());
        List<String> hashes = new ArrayList<>();
        List<Long> invitations = new ArrayList<>();
        List<String> purposes = new ArrayList<>();
        List<Timestamp> expiries = new ArrayList<>();
        Instant now = clock.instant();
        for (DueCheckIn checkIn : checkIns) {
            String answer = LinkTokens.random();
            String stop = LinkTokens.random();
            hashes.add(LinkTokens.sha256(answer));
            invitations.add(checkIn.invitationId());
            purposes.add("ANSWER");
            expiries.add(Timestamp.from(checkIn.closes().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
            hashes.add(LinkTokens.sha256(stop));
            invitations.add(checkIn.invitationId());
            purposes.add("STOP");
            expiries.add(Timestamp.from(now.plus(STOP_LINK_LIFETIME)));
            out.add(new FollowUpSender.Outgoing(kind, checkIn, schedule.schedule().words(checkIn.timePoint()),
                    connection.publicAddress(TaskLinks.PAGE + "?" + TaskLinks.TOKEN_PARAMETER + "=" + answer),
                    connection.publicAddress(FollowUpLinks.STOP_PAGE + "?" + TaskLinks.TOKEN_PARAMETER + "=" + stop),
                    connection.publicAddress(FollowUpLinks.ONE_CLICK_STOP + "?" + TaskLinks.TOKEN_PARAMETER + "=" + stop)));
        }
        if (!hashes.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO follow_up_link (token_sha256, invitation_id, purpose, created_at, expires_at)
                    SELECT t.hash, t.invitation, t.purpose, ?, t.expires
                    FROM unnest(?::text[], ?::bigint[], ?::text[], ?::timestamptz[]) AS t (hash, invitation, purpose, expires)""")) {
                insert.setTimestamp(1, Timestamp.from(now));
                insert.setArray(2, c.createArrayOf("text", hashes.toArray()));
                insert.setArray(3, c.createArrayOf("int8", invitations.toArray()));
                insert.setArray(4, c.createArrayOf("text", purposes.toArray()));
                insert.setArray(5, c.createArrayOf("timestamptz", expiries.toArray()));
                insert.executeUpdate();
            }
        }
        return out;
    }
}
