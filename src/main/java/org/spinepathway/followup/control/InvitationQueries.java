package org.spinepathway.followup.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.spinepathway.care.control.FollowUpSchedule;

/**
 * The invitation job's SQL, set-based: which check-ins are due for an invitation or a reminder on a
 * date, across every episode in one statement each, and the writes of a batch of them in a few
 * statements (arrays, not a round trip per row). The schedule's arithmetic is the same as
 * {@link FollowUpSchedule}'s: due dates counted from care start (months first, then days, as
 * {@code LocalDate.plus(Period)} and PostgreSQL's interval addition both do), windows either side.
 */
public final class InvitationQueries {

    /** Whom the clinic writes to: an enabled patient account with a confirmed address, alive, not opted out, record not voided. */
    private static final String REACHABLE = """
            e.voided_at IS NULL AND p.voided_at IS NULL AND p.deceased_on IS NULL AND p.follow_up_stopped_at IS NULL
              AND ua.enabled AND ua.email_confirmed_at IS NOT NULL""";

    /** States with weekly check-ins, and states whose outcome time points are still followed (care ended included). */
    private static final String IN_CARE = "('CONSERVATIVE_CARE', 'UNDER_REVIEW')";
    private static final String CARE_STARTED = "('CONSERVATIVE_CARE', 'UNDER_REVIEW', 'REFERRED', 'RESOLVED', 'DISCHARGED')";

    private static final String DUE = """
            WITH points (code, months, days) AS (SELECT * FROM unnest(?::text[], ?::int[], ?::int[])),
            followed AS (
                SELECT e.id AS episode_id, e.state, tp.start_date, p.id AS patient_id, p.given_name, ua.username AS email, p.phone
                FROM episode_of_care e
                JOIN treatment_plan tp ON tp.episode_id = e.id
                JOIN patient p ON p.id = e.patient_id
                JOIN user_account ua ON ua.id = p.account_id
                WHERE %s AND e.state IN %s AND tp.start_date < ?::date
            ),
            due AS (
                SELECT f.*, pt.code AS time_point, TRUE AS outcome,
                       (f.start_date + make_interval(months => pt.months, days => pt.days))::date AS due_on, ?::int AS half
                FROM followed f CROSS JOIN points pt
                WHERE (f.start_date + make_interval(months => pt.months, days => pt.days))::date BETWEEN ?::date - ?::int AND ?::date
                UNION ALL
                SELECT f.*, 'W' || ((?::date - f.start_date) / 7) AS time_point, FALSE AS outcome,
                       f.start_date + 7 * ((?::date - f.start_date) / 7) AS due_on, ?::int AS half
                FROM followed f
                WHERE ?::boolean AND f.state IN %s AND ?::date - f.start_date >= 7 AND (?::date - f.start_date) %% 7 <= ?::int
                  AND NOT EXISTS (SELECT 1 FROM points pt WHERE (f.start_date + make_interval(months => pt.months, days => pt.days))::date
                                  BETWEEN f.start_date + 7 * ((?::date - f.start_date) / 7) - ?::int AND f.start_date + 7 * ((?::date - f.start_date) / 7) + ?::int)
            )
            SELECT d.episode_id, d.time_point, d.outcome, d.due_on, d.half, d.patient_id, d.given_name, d.email, d.phone
            FROM due d
            WHERE d.due_on + d.half >= ?::date
              AND NOT EXISTS (SELECT 1 FROM follow_up_invitation fi WHERE fi.episode_id = d.episode_id AND fi.time_point = d.time_point)
              AND NOT EXISTS (SELECT 1 FROM assessment a WHERE a.episode_id = d.episode_id AND a.voided_at IS NULL
                              AND a.assessed_on BETWEEN d.due_on - d.half AND d.due_on + d.half)
            ORDER BY d.episode_id, d.due_on
            """.formatted(REACHABLE, CARE_STARTED, IN_CARE);

    private static final String REMINDERS = """
            SELECT fi.id, fi.episode_id, fi.time_point, fi.outcome, fi.due_on, fi.window_opens, fi.window_closes,
                   p.id, p.given_name, ua.username, p.phone
            FROM follow_up_invitation fi
            JOIN episode_of_care e ON e.id = fi.episode_id
            JOIN patient p ON p.id = e.patient_id
            JOIN user_account ua ON ua.id = p.account_id
            WHERE fi.window_closes >= ?::date AND fi.window_closes >= ?::date AND fi.last_sent_on <= ?::date - ?::int AND fi.reminders_sent < ?::int
              AND %s AND (fi.outcome OR e.state IN %s)
              AND NOT EXISTS (SELECT 1 FROM assessment a WHERE a.episode_id = fi.episode_id AND a.voided_at IS NULL
                              AND a.assessed_on BETWEEN fi.window_opens AND fi.window_closes)
            ORDER BY fi.id
            """.formatted(REACHABLE, IN_CARE);

    private InvitationQueries() {
    }

    /**
     * The check-ins due on {@code asOf} that have no invitation yet and no answer in their window, and
     * can still be answered {@code today} (a run as of a past date sends nothing for a window already
     * closed); a cursor, read with {@code fetchSize}.
     */
    public static PreparedStatement due(Connection connection, FollowUpSchedule schedule, LocalDate asOf, LocalDate today, int fetchSize)
            throws SQLException {
        List<FollowUpSchedule.TimePoint> points = schedule.timePoints();
        PreparedStatement q = connection.prepareStatement(DUE);
        q.setFetchSize(fetchSize);
        Date day = Date.valueOf(asOf);
        int ow = schedule.outcomeWindowDays();
        int ww = schedule.weeklyWindowDays();
        int i = 1;
        q.setArray(i++, connection.createArrayOf("text", points.stream().map(FollowUpSchedule.TimePoint::code).toArray()));
        q.setArray(i++, connection.createArrayOf("int4", points.stream().map(FollowUpSchedule.TimePoint::months).toArray()));
        q.setArray(i++, connection.createArrayOf("int4", points.stream().map(FollowUpSchedule.TimePoint::days).toArray()));
        q.setDate(i++, day);
        // outcome points
        q.setInt(i++, ow);
        q.setDate(i++, day);
        q.setInt(i++, ow);
        q.setDate(i++, day);
        // weekly check-ins
        q.setDate(i++, day);
        q.setDate(i++, day);
        q.setInt(i++, ww);
        q.setBoolean(i++, schedule.isWeekly());
        q.setDate(i++, day);
        q.setDate(i++, day);
        q.setInt(i++, ww);
        q.setDate(i++, day);
        q.setInt(i++, ww);
        q.setDate(i++, day);
        q.setInt(i++, ww);
        q.setDate(i, Date.valueOf(today));
        return q;
    }

    /** One row of {@link #due}. */
    public static DueCheckIn dueRow(ResultSet rs) throws SQLException {
        LocalDate dueOn = rs.getObject(4, LocalDate.class);
        int half = rs.getInt(5);
        return new DueCheckIn(null, rs.getLong(1), rs.getString(2), rs.getBoolean(3), dueOn, dueOn.minusDays(half), dueOn.plusDays(half),
                rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    /**
     * The invitations due a reminder on {@code asOf}: window open then and {@code today}, unanswered,
     * fewer than {@code max} reminders, the last e-mail {@code spacingDays} ago.
     */
    public static PreparedStatement reminders(Connection connection, LocalDate asOf, LocalDate today, int max, int spacingDays, int fetchSize)
            throws SQLException {
        PreparedStatement q = connection.prepareStatement(REMINDERS);
        q.setFetchSize(fetchSize);
        q.setDate(1, Date.valueOf(asOf));
        q.setDate(2, Date.valueOf(today));
        q.setDate(3, Date.valueOf(asOf));
        q.setInt(4, spacingDays);
        q.setInt(5, max);
        return q;
    }

    public static DueCheckIn reminderRow(ResultSet rs) throws SQLException {
        return new DueCheckIn(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getLong(8), rs.getString(9), rs.getString(10),
                rs.getString(11));
    }

    /**
     * Writes the invitations of a batch (a pair already there, from another run, is left alone) and
     * returns the batch's check-ins that were new, with their ids.
     */
    public static List<DueCheckIn> insertInvitations(Connection connection, List<DueCheckIn> batch, LocalDate sentOn) throws SQLException {
        Map<String, DueCheckIn> byKey = new HashMap<>();
        batch.forEach(c -> byKey.put(c.episodeId() + "/" + c.timePoint(), c));
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO follow_up_invitation (episode_id, time_point, outcome, due_on, window_opens, window_closes, invited_on, last_sent_on)
                SELECT b.episode_id, b.time_point, b.outcome, b.due_on, b.opens, b.closes, ?, ?
                FROM unnest(?::bigint[], ?::text[], ?::boolean[], ?::date[], ?::date[], ?::date[]) AS b (episode_id, time_point, outcome, due_on, opens, closes)
                ON CONFLICT (episode_id, time_point) DO NOTHING
                RETURNING id, episode_id, time_point""")) {
            insert.setDate(1, Date.valueOf(sentOn));
            insert.setDate(2, Date.valueOf(sentOn));
            insert.setArray(3, array(connection, "int8", batch.stream().map(DueCheckIn::episodeId).toArray()));
            insert.setArray(4, array(connection, "text", batch.stream().map(DueCheckIn::timePoint).toArray()));
            insert.setArray(5, array(connection, "bool", batch.stream().map(DueCheckIn::outcome).toArray()));
            insert.setArray(6, array(connection, "date", batch.stream().map(c -> Date.valueOf(c.dueOn())).toArray()));
            insert.setArray(7, array(connection, "date", batch.stream().map(c -> Date.valueOf(c.opens())).toArray()));
            insert.setArray(8, array(connection, "date", batch.stream().map(c -> Date.valueOf(c.closes())).toArray()));
            List<DueCheckIn> added = new ArrayList<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    added.add(byKey.get(rs.getLong(2) + "/" + rs.getString(3)).withInvitation(rs.getLong(1)));
                }
            }
            return added;
        }
    }

    /**
     * Counts a reminder, sent on {@code sentOn}, for each invitation of the batch that is still due
     * one as of {@code asOf} (a second run the same day finds none); returns those.
     */
    public static List<DueCheckIn> countReminders(Connection connection, List<DueCheckIn> batch, LocalDate asOf, LocalDate sentOn, int max,
                                                  int spacingDays) throws SQLException {
        Map<Long, DueCheckIn> byId = new HashMap<>();
        batch.forEach(c -> byId.put(c.invitationId(), c));
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE follow_up_invitation SET reminders_sent = reminders_sent + 1, last_sent_on = ?
                WHERE id = ANY (?) AND reminders_sent < ?::int AND last_sent_on <= ?::date - ?::int
                RETURNING id""")) {
            update.setDate(1, Date.valueOf(sentOn));
            update.setArray(2, array(connection, "int8", byId.keySet().toArray()));
            update.setInt(3, max);
            update.setDate(4, Date.valueOf(asOf));
            update.setInt(5, spacingDays);
            List<DueCheckIn> counted = new ArrayList<>();
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    counted.add(byId.get(rs.getLong(1)));
                }
            }
            return counted;
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
