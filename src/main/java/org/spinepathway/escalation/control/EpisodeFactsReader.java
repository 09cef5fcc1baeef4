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

import org.postgresql.core.BaseConnection;
import org.spinepathway.escalation.entity.FlagRule;

/**
 * Reads what the rules need, never with a query per episode: for a batch of episodes in five
 * set-based queries (episodes, assessments, motor grades, injections, flags), or for every active
 * episode in one pass of those five queries ({@link #pass}), which the nightly evaluation uses. Only
 * one batch is in memory at a time either way.
 */
public final class EpisodeFactsReader {

    /** The states the rules look at. */
    private static final String ACTIVE_STATES = "('INTAKE', 'CONSERVATIVE_CARE', 'UNDER_REVIEW')";

    private final Connection connection;

    public EpisodeFactsReader(Connection connection) {
        this.connection = connection;
    }

    /** The next batch of active episode ids after {@code afterId}, in id order (keyset paging). */
    public List<Long> nextActive(long afterId, int batchSize) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT id FROM episode_of_care WHERE voided_at IS NULL"
                + " AND state IN " + ACTIVE_STATES + " AND id > ? ORDER BY id LIMIT ?")) {
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
        for (Part part : Part.values()) {
            try (PreparedStatement q = connection.prepareStatement(part.sql(part.idColumn + " = ANY(?)") + " ORDER BY " + part.order)) {
                int next = 1;
                if (part.asOf) {
                    q.setDate(next++, Date.valueOf(d));
                }
                q.setArray(next, ids);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        part.read(rs, byId.get(rs.getLong(1)));
                    }
                }
            }
        }
        ids.free();
        return byId.values().stream().map(Builder::build).toList();
    }

    /**
     * Every active episode's facts as of D, in one pass: one query per part over all episodes, each
     * ordered by episode id and read through a cursor, merged here batch by batch. This reads what
     * {@link #read} reads without an index look-up per episode, so the night's evaluation costs about
     * what reading those rows costs at all. The queries share one snapshot, taken when the pass
     * starts. Needs the connection to itself until closed (it turns auto-commit off meanwhile).
     */
    public Pass pass(LocalDate d, int fetchSize) throws SQLException {
        return new Pass(connection, d, fetchSize);
    }

    /** One pass over the active episodes; see {@link #pass}. */
    public static final class Pass implements AutoCloseable {

        private final Connection connection;
        private final boolean autoCommit;
        private final List<PreparedStatement> statements = new ArrayList<>();
        /** Each part's cursor, in the order of {@link Part}: the episodes first. */
        private final List<Cursor> cursors = new ArrayList<>();
        private long rows;

        /** A part's rows, and whether its result set stands on a row not yet merged. */
        private static final class Cursor {
            final Part part;
            final ResultSet rows;
            boolean onRow;

            Cursor(Part part, ResultSet rows) throws SQLException {
                this.part = part;
                this.rows = rows;
                this.onRow = rows.next();
            }

            void advance() throws SQLException {
                onRow = rows.next();
            }
        }

        private Pass(Connection connection, LocalDate d, int fetchSize) throws SQLException {
            this.connection = connection;
            this.autoCommit = connection.getAutoCommit();
            // Cursors (fetching a few thousand rows at a time) need a transaction; one snapshot serves every part.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                Connection driver = driverConnection(connection);
                for (Part part : Part.values()) {
                    PreparedStatement q = driver.prepareStatement(part.sql(part.everyEpisode) + " ORDER BY " + part.order);
                    statements.add(q);
                    q.setFetchSize(fetchSize);
                    if (part.asOf) {
                        q.setDate(1, Date.valueOf(d));
                    }
                    cursors.add(new Cursor(part, q.executeQuery()));
                }
            } catch (SQLException | RuntimeException failed) {
                close();
                throw failed;
            }
        }

        /** The next (up to) {@code size} active episodes in id order; empty at the end. */
        public List<EpisodeFacts> next(int size) throws SQLException {
            Map<Long, Builder> byId = new LinkedHashMap<>();
            Cursor episodes = cursors.get(0);
            long last = 0;
            while (byId.size() < size && episodes.onRow) {
                last = episodes.rows.getLong(1);
                Builder b = new Builder(last);
                Part.EPISODE.read(episodes.rows, b);
                byId.put(last, b);
                rows++;
                episodes.advance();
            }
            if (byId.isEmpty()) {
                return List.of();
            }
            for (Cursor child : cursors.subList(1, cursors.size())) {
                // Rows of episodes up to the batch's last; those of episodes the pass does not evaluate (closed, voided) are passed over.
                while (child.onRow) {
                    long episodeId = child.rows.getLong(1);
                    if (episodeId > last) {
                        break;
                    }
                    Builder b = byId.get(episodeId);
                    if (b != null) {
                        child.part.read(child.rows, b);
                        rows++;
                    }
                    child.advance();
                }
            }
            return byId.values().stream().map(Builder::build).toList();
        }

        /** The rows merged into episodes' facts so far. */
        public long rows() {
            return rows;
        }

        @Override
        public void close() throws SQLException {
            SQLException failure = null;
            for (PreparedStatement q : statements) {
                try {
                    q.close();
                } catch (SQLException e) {
                    failure = e;
                }
            }
            try {
                connection.rollback();   // it only read
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                failure = e;
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * The parts of an episode's facts: the query of each (column 1 the episode's id, {@code %s} where
     * the episodes are chosen), and how a row adds to the episode's facts.
     */
    private enum Part {
        EPISODE("SELECT e.id, e.state, tp.start_date, COALESCE(e.baseline_nrs, i.pain_now), COALESCE(e.baseline_disability, i.disability_score),"
                + " CASE WHEN i.red_flags <> '' THEN COALESCE(i.red_flags_recorded_at, i.submitted_at) END, i.red_flags"
                + " FROM episode_of_care e LEFT JOIN treatment_plan tp ON tp.episode_id = e.id"
                + " LEFT JOIN intake i ON i.episode_id = e.id AND i.status = 'SUBMITTED' AND i.voided_at IS NULL WHERE %s",
                false, "e.id", "e.voided_at IS NULL AND e.state IN " + ACTIVE_STATES, "e.id") {
            @Override
            void read(ResultSet rs, Builder b) throws SQLException {
                b.state = rs.getString(2);
                b.careStart = localDate(rs, 3);
                b.intakeNrs = (Integer) rs.getObject(4, Integer.class);
                b.intakeDisability = rs.getBigDecimal(5);
                b.intakeRedFlagsAt = rs.getObject(6, OffsetDateTime.class);
                b.intakeRedFlags = codes(rs.getString(7));
            }
        },
        ASSESSMENT("SELECT episode_id, id, assessed_on, recorded_at, nrs, disability_score,"
                + " CASE WHEN red_flags <> '' THEN COALESCE(red_flags_recorded_at, recorded_at) END, source, red_flags FROM assessment"
                + " WHERE voided_at IS NULL AND assessed_on <= ? AND %s", true, "episode_id", "TRUE", "episode_id") {
            @Override
            void read(ResultSet rs, Builder b) throws SQLException {
                b.assessments.add(new EpisodeFacts.Measurement(rs.getLong(2), localDate(rs, 3), rs.getObject(4, OffsetDateTime.class),
                        (Integer) rs.getObject(5, Integer.class), rs.getBigDecimal(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getString(8), codes(rs.getString(9))));
            }
        },
        MOTOR_GRADE("SELECT a.episode_id, a.id, a.assessed_on, m.myotome, m.side, m.grade FROM assessment a JOIN motor_grade m ON m.assessment_id = a.id"
                + " WHERE a.voided_at IS NULL AND a.source = 'CLINICIAN' AND a.assessed_on <= ? AND %s", true, "a.episode_id", "TRUE", "a.episode_id, a.assessed_on, a.id, m.myotome, m.side") {
            @Override
            void read(ResultSet rs, Builder b) throws SQLException {
                b.grades.add(new MotorDeclineRule.Grade(rs.getLong(2), localDate(rs, 3), rs.getString(4), rs.getString(5), rs.getInt(6)));
            }
        },
        INJECTION("SELECT tp.episode_id, i.given_on FROM intervention i JOIN treatment_plan tp ON tp.id = i.plan_id"
                + " WHERE i.type = 'INJECTION' AND i.voided_at IS NULL AND i.given_on IS NOT NULL AND i.status <> 'PLANNED' AND i.given_on <= ?"
                + " AND %s", true, "tp.episode_id", "TRUE", "tp.episode_id, i.given_on, i.id") {
            @Override
            void read(ResultSet rs, Builder b) throws SQLException {
                b.injections.add(localDate(rs, 2));
            }
        },
        FLAG("SELECT episode_id, rule, status, decided_at, recheck_on FROM escalation_flag WHERE %s", false, "episode_id", "TRUE",
                "episode_id, decided_at NULLS FIRST, id") {
            @Override
            void read(ResultSet rs, Builder b) throws SQLException {
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
            }
        };

        private final String sql;
        /** Whether the query takes the as-of date as its first parameter. */
        private final boolean asOf;
        private final String idColumn;
        /** The condition that chooses every episode a pass evaluates. */
        private final String everyEpisode;
        private final String order;

        Part(String sql, boolean asOf, String idColumn, String everyEpisode, String order) {
            this.sql = sql;
            this.asOf = asOf;
            this.idColumn = idColumn;
            this.everyEpisode = everyEpisode;
            this.order = order;
        }

        String sql(String episodes) {
            return sql.formatted(episodes);
        }

        abstract void read(ResultSet rs, Builder b) throws SQLException;
    }

    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /**
     * The driver's own connection under the pool's: an application server's wrapper answers {@code
     * getObject(column, type)} by looking the method up by reflection on every call, which was half
     * the pass's time. Statements made on it are closed here; the pooled connection stays in charge
     * of the transaction and of giving the connection back.
     */
    private static Connection driverConnection(Connection pooled) throws SQLException {
        // BaseConnection is the driver's interface that is both its own and a java.sql.Connection.
        return pooled.isWrapperFor(BaseConnection.class) ? pooled.unwrap(BaseConnection.class) : pooled;
    }

    /** The red-flag codes of a stored answer set: comma-separated, empty when none. */
    private static List<String> codes(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    private static final class Builder {
        private final long id;
        private String state;
        private LocalDate careStart;
        private Integer intakeNrs;
        private BigDecimal intakeDisability;
        private OffsetDateTime intakeRedFlagsAt;
        private List<String> intakeRedFlags = List.of();
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
                    List.copyOf(grades), List.copyOf(injections), Map.copyOf(decisions), lastContinue, Set.copyOf(open), intakeRedFlags);
        }
    }
}
