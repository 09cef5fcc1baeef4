package org.spinepathway.escalation.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.patient.boundary.PatientSearch;
import org.spinepathway.platform.boundary.DatabaseMigration;

/**
 * The physicians' worklist in the database: one row per episode with open URGENT or REVIEW flags,
 * led by its most urgent, then oldest, open flag; URGENT rows first, then the oldest leading flag;
 * filtered by the row's priority (its leading flag's), a rule the episode has an open flag of, the
 * physiotherapist, the leading flag's days open, and the patient searched for; one page at a time.
 * ('URGENT' sorts after 'REVIEW', hence priority DESC.)
 */
@ApplicationScoped
public class WorklistQuery {

    /** What the list is narrowed to; null fields do not narrow it. */
    public record Filter(String priority, FlagRule rule, Long physioId, Integer minDaysOpen, PatientSearch search)
            implements java.io.Serializable {
        public static Filter none() {
            return new Filter(null, null, null, null, null);
        }

        @Override
        public String toString() {
            // Audited with an export: the search typed may be a patient's name, so only its kind.
            return "Filter[priority=" + priority + ", rule=" + rule + ", physioId=" + physioId + ", minDaysOpen=" + minDaysOpen
                    + ", search=" + (search == null ? null : search.kind()) + "]";
        }
    }

    /**
     * A page is three statements. The first chooses the page's leading flags from the flag table
     * alone (and the episode and patient only when filtering by physiotherapist or searching), in the
     * order of the partial index {@code escalation_flag_worklist_idx}, keeping a flag only when no
     * other open flag of its episode sorts before it (an index look-up by episode): an index range
     * however long the list. With a search, PostgreSQL starts from the patients the search's index
     * finds instead, then their episodes and flags (EXPLAIN ANALYZE: so for a name or a date of birth
     * in custom and generic plans alike; a record number's LIKE prefix uses its index in a custom plan
     * only, which PostgreSQL keeps choosing, since the generic one scans the patients). The second joins
     * only those flags to their episode, patient and plan; the physiotherapist's name, the intake's
     * scores and the latest assessments are scalar subqueries, one index look-up per row each.
     * <p>
     * Why two: as one statement with the page's LIMIT and OFFSET as parameters, PostgreSQL planned
     * it afresh on every call (a generic plan cannot know the page is 20 rows, so it never chose
     * one), 1.5-2.7 ms of planning for 1-1.5 ms of work. Each of these two has a generic plan that
     * is as good as a custom one, so once the driver has prepared them on a connection (its fifth
     * use) they are planned once. Only the filters given are in the SQL, so the planner sees plain
     * predicates. The third reads every open flag of the page's episodes.
     */
    private static final String DETAILS = "WITH p AS (SELECT CAST(? AS DATE) AS today, CAST(? AS TIMESTAMPTZ) AS ack_due)"
            + " SELECT f.id, f.rule, f.priority, f.raised_on, f.evidence, e.id, e.region, e.state, pt.id, pt.mrn,"
            + " pt.given_name || ' ' || pt.family_name, (SELECT phy.display_name FROM user_account phy WHERE phy.id = e.physio_id),"
            + " tp.start_date, p.today - tp.start_date, p.today - f.raised_on,"
            + " COALESCE(e.baseline_nrs, (SELECT i.pain_now FROM intake i WHERE i.episode_id = e.id AND i.status = 'SUBMITTED' AND i.voided_at IS NULL)),"
            + " (SELECT a.nrs FROM assessment a WHERE a.episode_id = e.id AND a.voided_at IS NULL AND a.nrs IS NOT NULL"
            + "   AND a.assessed_on <= p.today ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1),"
            + " COALESCE(e.baseline_disability, (SELECT i.disability_score FROM intake i WHERE i.episode_id = e.id AND i.status = 'SUBMITTED'"
            + "   AND i.voided_at IS NULL)),"
            + " (SELECT a.disability_score FROM assessment a WHERE a.episode_id = e.id AND a.voided_at IS NULL AND a.disability_score IS NOT NULL"
            + "   AND a.assessed_on <= p.today ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1),"
            // Who to call about an URGENT flag, whether someone has reached the patient, and whether that is overdue.
            + " pt.phone, pt.emergency_contact_name, pt.emergency_contact_phone,"
            + " EXISTS (SELECT 1 FROM flag_acknowledgement ack WHERE ack.flag_id = f.id AND ack.voided_at IS NULL AND ack.method <> 'NO_ANSWER'),"
            + " f.priority = 'URGENT' AND f.raised_at <= p.ack_due"
            + " FROM escalation_flag f CROSS JOIN p JOIN episode_of_care e ON e.id = f.episode_id JOIN patient pt ON pt.id = e.patient_id"
            + " LEFT JOIN treatment_plan tp ON tp.episode_id = e.id"
            + " WHERE f.id = ANY(?)"
            + " ORDER BY f.priority DESC, f.raised_at, f.id";

    private static final String ORDER = " ORDER BY f.priority DESC, f.raised_at, f.id";

    private static final String FLAGS = "SELECT f.episode_id, f.id, f.rule, f.priority, f.raised_on, f.evidence FROM escalation_flag f"
            + " WHERE f.episode_id IN (SELECT l.episode_id FROM escalation_flag l WHERE l.id = ANY(?)) AND f.status = 'OPEN'"
            + " AND f.priority <> 'TASK' ORDER BY f.episode_id, f.priority DESC, f.raised_at, f.id";

    /** The flag {@code f} leads its episode's row: no other open flag of the episode is more urgent, or as urgent and older. */
    private static final String LEADING = " AND NOT EXISTS (SELECT 1 FROM escalation_flag o WHERE o.episode_id = f.episode_id"
            + " AND o.status = 'OPEN' AND o.priority <> 'TASK' AND o.id <> f.id AND (o.priority > f.priority"
            + " OR (o.priority = f.priority AND (o.raised_at < f.raised_at OR (o.raised_at = f.raised_at AND o.id < f.id)))))";

    /** Over a data source of one's own (the benchmark); the server injects its own. */
    public static WorklistQuery over(DataSource dataSource) {
        WorklistQuery query = new WorklistQuery();
        query.dataSource = dataSource;
        return query;
    }

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    public long count(Filter filter, LocalDate today) {
        Where where = Where.of(filter, today);
        try (Connection c = dataSource.getConnection(); PreparedStatement count = c.prepareStatement("SELECT count(*)" + where.sql())) {
            where.bind(count, 1);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the worklist: " + e.getMessage(), e);
        }
    }

    /**
     * One page of the list. {@code ackDue}: an URGENT flag raised at or before it and not acknowledged
     * is overdue (see {@code UrgentContacts}).
     */
    public List<WorklistRow> page(Filter filter, LocalDate today, OffsetDateTime ackDue, int first, int max) {
        Where where = Where.of(filter, today);
        try (Connection c = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>(max);
            try (PreparedStatement page = c.prepareStatement("SELECT f.id" + where.sql() + ORDER + " LIMIT ? OFFSET ?")) {
                int next = where.bind(page, 1);
                page.setInt(next, max);
                page.setInt(next + 1, first);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            Map<Long, List<WorklistFlag>> flags = new HashMap<>();
            try (PreparedStatement open = c.prepareStatement(FLAGS)) {
                open.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                try (ResultSet rs = open.executeQuery()) {
                    while (rs.next()) {
                        flags.computeIfAbsent(rs.getLong(1), episode -> new ArrayList<>()).add(new WorklistFlag(rs.getLong(2),
                                FlagRule.valueOf(rs.getString(3)), rs.getString(4), localDate(rs, 5), rs.getString(6)));
                    }
                }
            }
            List<WorklistRow> rows = new ArrayList<>(ids.size());
            try (PreparedStatement details = c.prepareStatement(DETAILS)) {
                details.setDate(1, Date.valueOf(today));
                details.setObject(2, ackDue);
                details.setArray(3, c.createArrayOf("bigint", ids.toArray()));
                try (ResultSet rs = details.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new WorklistRow(rs.getLong(1), FlagRule.valueOf(rs.getString(2)), rs.getString(3), localDate(rs, 4),
                                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10), rs.getString(11),
                                rs.getString(12), localDate(rs, 13), nullableLong(rs, 14), rs.getLong(15), nullableInt(rs, 16),
                                nullableInt(rs, 17), rs.getBigDecimal(18), rs.getBigDecimal(19), rs.getString(20), rs.getString(21),
                                rs.getString(22), rs.getBoolean(23), rs.getBoolean(24) && !rs.getBoolean(23),
                                flags.getOrDefault(rs.getLong(6), List.of())));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the worklist: " + e.getMessage(), e);
        }
    }

    /** Through the pool's wrapper, {@code getObject(column, LocalDate.class)} is a reflective call each time. */
    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** The FROM and WHERE of the worklist rows' leading flags, with a parameter for each filter given. */
    private record Where(String sql, List<Object> params) {

        static Where of(Filter filter, LocalDate today) {
            StringBuilder sql = new StringBuilder(" FROM escalation_flag f");
            List<Object> params = new java.util.ArrayList<>();
            if (filter.physioId() != null || filter.search() != null) {
                sql.append(" JOIN episode_of_care e ON e.id = f.episode_id");
            }
            if (filter.search() != null) {
                sql.append(" JOIN patient pt ON pt.id = e.patient_id");
            }
            sql.append(" WHERE f.status = 'OPEN' AND f.priority <> 'TASK'").append(LEADING);
            if (filter.priority() != null) {
                sql.append(" AND f.priority = ?");
                params.add(filter.priority());
            }
            if (filter.rule() != null) {
                sql.append(" AND EXISTS (SELECT 1 FROM escalation_flag r WHERE r.episode_id = f.episode_id AND r.status = 'OPEN'"
                        + " AND r.priority <> 'TASK' AND r.rule = ?)");
                params.add(filter.rule().name());
            }
            if (filter.physioId() != null) {
                sql.append(" AND e.physio_id = ?");
                params.add(filter.physioId());
            }
            if (filter.minDaysOpen() != null) {
                sql.append(" AND f.raised_on <= ?");
                params.add(Date.valueOf(today.minusDays(filter.minDaysOpen())));
            }
            if (filter.search() != null) {
                sql.append(" AND ").append(filter.search().condition("pt"));
                params.addAll(filter.search().params());
            }
            return new Where(sql.toString(), params);
        }

        /** Binds the filters from parameter {@code first} on; answers the next parameter's index. */
        int bind(PreparedStatement statement, int first) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(first + i, params.get(i));
            }
            return first + params.size();
        }
    }
}
