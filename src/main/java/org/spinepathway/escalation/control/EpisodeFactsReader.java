package org.spinepathway.escalation.control;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spinepathway.escalation.entity.FlagRule;

/**
 * Reads what the rules need for a batch of episodes in six set-based queries (episodes, assessments,
 * motor grades, injections, flags), never one query per episode, so a night's evaluation of a
 * million episodes is a few thousand queries and never holds more than one batch in memory.
 */
public final class EpisodeFactsReader {

    private final Connection connection;

    public EpisodeFactsReader(Connection connection) {
        this.connection = connection;
    }

    /** The next batch of active episode ids after {@code afterId}, in id order (keyset paging). */
    public List<Long> nextActive(long afterId, int batchSize) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT id FROM episode_of_care WHERE voided_at IS NULL"
                + " AND state IN ('INTAKE', 'CONSERVATIVE_CARE', 'UNDER_REVIEW') AND id > ? ORDER BY id LIMIT ?")) {
            q.setLong(1, afterId);
            q.setInt(2, batchSize);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** The facts of these episodes as of D, in the order of the ids. */
    public List<EpisodeFacts> read(List<Long> episodeIds, LocalDate d) throws SQLException {
        Map<Long, Builder> byId = new LinkedHashMap<>();
        episodeIds.forEach(id -> byId.put(id, new Builder(id)));
        Array ids = connection.createArrayOf("bigint", episodeIds.toArray());
        Date asOf = Date.valueOf(d);

        query("SELECT e.id, e.state, tp.start_date, COALESCE(e.baseline_nrs, i.pain_now), COALESCE(e.baseline_disability, i.disability_score),"
                + " CASE WHEN i.red_flags <> '' THEN i.submitted_at END"
                + " FROM episode_of_care e LEFT JOIN treatment_plan tp ON tp.episode_id = e.id"
                + " LEFT JOIN intake i ON i.episode_id = e.id AND i.status = 'SUBMITTED' AND i.voided_at IS NULL"
                + " WHERE e.id = ANY(?)", ids, null, rs -> {
                    Builder b = byId.get(rs.getLong(1));
                    b.state = rs.getString(2);
                    b.careStart = localDate(rs, 3);
                    b.intakeNrs = (Integer) rs.getObject(4, Integer.class);
                    b.intakeDisability = rs.getBigDecimal(5);
                    b.intakeRedFlagsAt = rs.getObject(6, OffsetDateTime.class);
                });
        query("SELECT episode_id, id, assessed_on, recorded_at, nrs, disability_score, red_flags <> '' FROM assessment"
                + " WHERE episode_id = ANY(?) AND voided_at IS NULL AND assessed_on <= ? ORDER BY episode_id, assessed_on, id", ids, asOf,
                rs -> byId.get(rs.getLong(1)).assessments.add(new EpisodeFacts.Measurement(rs.getLong(2), localDate(rs, 3),
                        rs.getObject(4, OffsetDateTime.class), (Integer) rs.getObject(5, Integer.class), rs.getBigDecimal(6), rs.getBoolean(7))));
        query("SELECT a.episode_id, a.id, a.assessed_on, m.myotome, m.side, m.grade FROM assessment a JOIN motor_grade m ON m.assessment_id = a.id"
                + " WHERE a.episode_id = ANY(?) AND a.voided_at IS NULL AND a.source = 'CLINICIAN' AND a.assessed_on <= ?", ids, asOf,
                rs -> byId.get(rs.getLong(1)).grades.add(new MotorDeclineRule.Grade(rs.getLong(2), localDate(rs, 3), rs.getString(4),
                        rs.getString(5), rs.getInt(6))));
        query("SELECT tp.episode_id, i.given_on FROM intervention i JOIN treatment_plan tp ON tp.id = i.plan_id"
                + " WHERE tp.episode_id = ANY(?) AND i.type = 'INJECTION' AND i.voided_at IS NULL AND i.given_on IS NOT NULL"
                + " AND i.status <> 'PLANNED' AND i.given_on <= ?", ids, asOf,
                rs -> byId.get(rs.getLong(1)).injections.add(localDate(rs, 2)));
        query("SELECT episode_id, rule, status, decided_at, recheck_on FROM escalation_flag WHERE episode_id = ANY(?)"
                + " ORDER BY episode_id, decided_at NULLS FIRST, id", ids, null, rs -> {
                    Builder b = byId.get(rs.getLong(1));
                    FlagRule rule = FlagRule.valueOf(rs.getString(2));
                    String status = rs.getString(3);
                    if (status.equals("OPEN")) {
                        b.open.add(rule);
                    } else if (rs.getObject(4) != null) {
                        // Ordered by decision time: the last one read is the latest.
                        EpisodeFacts.Decision decision = new EpisodeFacts.Decision(status, rs.getObject(4, OffsetDateTime.class), localDate(rs, 5));
                        b.decisions.put(rule, decision);
                        if (status.equals("CONTINUED")) {
                            b.lastContinue = decision;
                        }
                    }
                });
        ids.free();
        return byId.values().stream().map(Builder::build).toList();
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Array ids, Date asOf, RowReader reader) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            q.setArray(1, ids);
            if (asOf != null) {
                q.setDate(2, asOf);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static final class Builder {
        private final long id;
        private String state;
        private LocalDate careStart;
        private Integer intakeNrs;
        private BigDecimal intakeDisability;
        private OffsetDateTime intakeRedFlagsAt;
        private final List<EpisodeFacts.Measurement> assessments = new ArrayList<>();
        private final List<MotorDeclineRule.Grade> grades = new ArrayList<>();
        private final List<LocalDate> injections = new ArrayList<>();
        private final Map<FlagRule, EpisodeFacts.Decision> decisions = new EnumMap<>(FlagRule.class);
        private EpisodeFacts.Decision lastContinue;
        private final Set<FlagRule> open = EnumSet.noneOf(FlagRule.class);

        Builder(long id) {
            this.id = id;
        }

        EpisodeFacts build() {
            return new EpisodeFacts(id, state, careStart, intakeNrs, intakeDisability, intakeRedFlagsAt, List.copyOf(assessments),
                    List.copyOf(grades), List.copyOf(injections), Map.copyOf(decisions), lastContinue, Set.copyOf(open));
        }
    }
}
