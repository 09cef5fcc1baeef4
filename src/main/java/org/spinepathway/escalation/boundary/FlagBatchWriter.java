package org.spinepathway.escalation.boundary;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.spinepathway.escalation.control.EpisodeEvaluation;
import org.spinepathway.escalation.entity.FlagPriority;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.platform.boundary.DatabaseMigration;
import org.spinepathway.platform.control.Acting;

/**
 * Raises one batch of the nightly evaluation's REVIEW and TASK findings in one transaction and a
 * handful of statements: the batch's episodes are locked (in id order, as a visit save locks its
 * one episode, so neither raises a flag the other is raising), the flags inserted with {@code ON
 * CONFLICT DO NOTHING} on the one-open-flag index, the flagged episodes put under review, and
 * every raise audited with its evidence, and new URGENT flags queued for email to the physician.
 */
@ApplicationScoped
public class FlagBatchWriter {

    /** A finding on one episode. */
    public record EpisodeFinding(long episodeId, EpisodeEvaluation.Finding finding) {
    }

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    @Inject
    FlagNotifications notifications;

    @Inject
    Clock clock;

    /**
     * The number of new flags; findings whose flag is open already, or whose episode left the rules,
     * raise nothing. All or nothing: a failure (an {@link SQLException} too, which Jakarta
     * Transactions would otherwise commit on) rolls the whole batch back.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = SQLException.class)
    public int raiseAll(List<EpisodeFinding> findings) throws SQLException {
        if (findings.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate today = now.atZoneSameInstant(clock.getZone()).toLocalDate();
        // Within the JTA transaction: the container enlists the connection, and closing it only hands it back.
        try (Connection c = dataSource.getConnection()) {
            Map<Long, Long> patientOf = lockActive(c, new TreeSet<>(findings.stream().map(EpisodeFinding::episodeId).toList()));
            List<Long> episodes = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            List<String> priorities = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            for (EpisodeFinding f : findings) {
                if (patientOf.containsKey(f.episodeId())) {
                    episodes.add(f.episodeId());
                    rules.add(f.finding().rule().name());
                    priorities.add(f.finding().rule().priority().name());
                    evidence.add(f.finding().evidence().toString());
                }
            }
            List<Long> flagIds = new ArrayList<>();
            List<Long> flaggedEpisodes = new ArrayList<>();
            List<Long> reviewEpisodes = new ArrayList<>();
            List<String> details = new ArrayList<>();
            List<Long> patients = new ArrayList<>();
            List<long[]> urgent = new ArrayList<>();
            List<String> urgentRules = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO escalation_flag (episode_id, rule, priority, status, raised_on,"
                    + " raised_at, rule_version, evidence, created_at, created_by, updated_at, updated_by)"
                    + " SELECT f.episode_id, f.rule, f.priority, 'OPEN', ?, ?, ?, f.evidence, ?, ?, ?, ?"
                    + " FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::text[]) AS f(episode_id, rule, priority, evidence)"
                    + " ON CONFLICT (episode_id, rule) WHERE status = 'OPEN' DO NOTHING RETURNING id, episode_id, rule, priority, evidence")) {
                insert.setObject(1, today);
                insert.setObject(2, now);
                insert.setString(3, FlagRule.VERSION);
                insert.setObject(4, now);
                insert.setString(5, Acting.SYSTEM);
                insert.setObject(6, now);
                insert.setString(7, Acting.SYSTEM);
                insert.setArray(8, c.createArrayOf("bigint", episodes.toArray()));
                insert.setArray(9, c.createArrayOf("varchar", rules.toArray()));
                insert.setArray(10, c.createArrayOf("varchar", priorities.toArray()));
                insert.setArray(11, c.createArrayOf("text", evidence.toArray()));
                try (ResultSet raised = insert.executeQuery()) {
                    while (raised.next()) {
                        long episode = raised.getLong(2);
                        flagIds.add(raised.getLong(1));
                        flaggedEpisodes.add(episode);
                        patients.add(patientOf.get(episode));
                        String priority = raised.getString(4);
                        if (!priority.equals(FlagPriority.TASK.name())) {
                            reviewEpisodes.add(episode);
                        }
                        if (priority.equals(FlagPriority.URGENT.name())) {
                            urgent.add(new long[] {raised.getLong(1), episode});
                            urgentRules.add(raised.getString(3));
                        }
                        details.add(raised.getString(3) + " " + priority + " (rule " + FlagRule.VERSION + "): " + raised.getString(5));
                    }
                }
            }
            if (!reviewEpisodes.isEmpty()) {
                try (PreparedStatement review = c.prepareStatement("UPDATE episode_of_care SET state = 'UNDER_REVIEW', version = version + 1,"
                        + " updated_at = ?, updated_by = ? WHERE id = ANY(?) AND state IN ('INTAKE', 'CONSERVATIVE_CARE')")) {
                    review.setObject(1, now);
                    review.setString(2, Acting.SYSTEM);
                    review.setArray(3, c.createArrayOf("bigint", reviewEpisodes.toArray()));
                    review.executeUpdate();
                }
            }
            if (!flagIds.isEmpty()) {
                try (PreparedStatement audit = c.prepareStatement("INSERT INTO audit_event (occurred_at, username, action, patient_id, record_type,"
                        + " record_id, detail) SELECT ?, ?, 'CREATE', a.patient_id, 'EscalationFlag', a.flag_id, left(a.detail, 1000)"
                        + " FROM unnest(?::bigint[], ?::bigint[], ?::text[]) AS a(patient_id, flag_id, detail)")) {
                    audit.setObject(1, now);
                    audit.setString(2, Acting.SYSTEM);
                    audit.setArray(3, c.createArrayOf("bigint", patients.toArray()));
                    audit.setArray(4, c.createArrayOf("bigint", flagIds.toArray()));
                    audit.setArray(5, c.createArrayOf("text", details.toArray()));
                    audit.executeUpdate();
                }
            }
            if (!urgent.isEmpty()) {
                queueMail(c, urgent, urgentRules, today);
            }
            return flagIds.size();
        }
    }

    /** Emails for the new URGENT flags, in the same transaction: to each episode's physician, else the fallback. */
    private void queueMail(Connection c, List<long[]> urgent, List<String> rules, LocalDate today) throws SQLException {
        Map<Long, String[]> contact = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT e.id, u.email, p.mrn FROM episode_of_care e JOIN patient p ON p.id = e.patient_id"
                + " LEFT JOIN user_account u ON u.id = e.physician_id WHERE e.id = ANY(?)")) {
            q.setArray(1, c.createArrayOf("bigint", urgent.stream().map(u -> u[1]).toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    contact.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO mail_outbox (recipient, subject, body, flag_id) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < urgent.size(); i++) {
                long flagId = urgent.get(i)[0];
                long episodeId = urgent.get(i)[1];
                String[] to = contact.getOrDefault(episodeId, new String[] {null, "?"});
                var message = notifications.urgentMessage(to[0], to[1], FlagRule.valueOf(rules.get(i)), today, flagId, episodeId);
                if (message.isPresent()) {
                    insert.setString(1, message.get().recipient());
                    insert.setString(2, message.get().subject());
                    insert.setString(3, message.get().body());
                    insert.setLong(4, flagId);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Locks the episodes that are still active, in id order; answers their patients. */
    private static Map<Long, Long> lockActive(Connection c, TreeSet<Long> ids) throws SQLException {
        Map<Long, Long> patientOf = new HashMap<>();
        try (PreparedStatement lock = c.prepareStatement("SELECT id, patient_id FROM episode_of_care WHERE id = ANY(?) AND voided_at IS NULL"
                + " AND state IN ('INTAKE', 'CONSERVATIVE_CARE', 'UNDER_REVIEW') ORDER BY id FOR UPDATE")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            lock.setArray(1, array);
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    patientOf.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return patientOf;
    }
}
