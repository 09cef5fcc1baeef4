package org.spinepathway.escalation.control;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import org.spinepathway.escalation.entity.FlagRule;

/**
 * The physicians' worklist in the database: open URGENT and REVIEW flags, URGENT first, oldest
 * first, filtered by priority, rule, physiotherapist and days open, one page at a time.
 * ('URGENT' sorts after 'REVIEW', hence priority DESC.)
 */
@ApplicationScoped
public class WorklistQuery {

    /** What the list is narrowed to; null fields do not narrow it. */
    public record Filter(String priority, FlagRule rule, Long physioId, Integer minDaysOpen) implements java.io.Serializable {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /**
     * The flags of one page are chosen first, from the flag table alone (and the episode only when
     * filtering by physiotherapist), in the order of the partial index {@code escalation_flag_worklist_idx}:
     * a page costs an index range however long the list. Only those rows are then joined to the
     * patient, plan, intake and latest assessments. Only the filters given are in the SQL, so the
     * planner sees plain predicates.
     */
    private static final String SELECT = "SELECT f.id, f.rule, f.priority, f.raised_on, f.evidence, e.id, e.region, e.state, pt.id, pt.mrn,"
            + " pt.given_name || ' ' || pt.family_name, phy.display_name, tp.start_date, p.today - tp.start_date, p.today - f.raised_on,"
            + " COALESCE(e.baseline_nrs, i.pain_now), ln.nrs, COALESCE(e.baseline_disability, i.disability_score), ld.disability_score"
            + " FROM page JOIN escalation_flag f ON f.id = page.id CROSS JOIN p JOIN episode_of_care e ON e.id = f.episode_id"
            + " JOIN patient pt ON pt.id = e.patient_id"
            + " LEFT JOIN treatment_plan tp ON tp.episode_id = e.id"
            + " LEFT JOIN intake i ON i.episode_id = e.id AND i.status = 'SUBMITTED' AND i.voided_at IS NULL"
            + " LEFT JOIN user_account phy ON phy.id = e.physio_id"
            + " LEFT JOIN LATERAL (SELECT a.nrs FROM assessment a WHERE a.episode_id = e.id AND a.voided_at IS NULL AND a.nrs IS NOT NULL"
            + "   AND a.assessed_on <= p.today ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) ln ON TRUE"
            + " LEFT JOIN LATERAL (SELECT a.disability_score FROM assessment a WHERE a.episode_id = e.id AND a.voided_at IS NULL"
            + "   AND a.disability_score IS NOT NULL AND a.assessed_on <= p.today ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) ld ON TRUE"
            + " ORDER BY f.priority DESC, f.raised_at, f.id";

    private static final String ORDER = " ORDER BY f.priority DESC, f.raised_at, f.id";

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public long count(Filter filter, LocalDate today) {
        Where where = Where.of(filter, today);
        return ((Number) where.bind(em.createNativeQuery("SELECT count(*)" + where.sql()), 1).getSingleResult()).longValue();
    }

    public List<WorklistRow> page(Filter filter, LocalDate today, int first, int max) {
        Where where = Where.of(filter, today);
        Query query = em.createNativeQuery("WITH page AS (SELECT f.id" + where.sql() + ORDER + " LIMIT ? OFFSET ?),"
                + " p AS (SELECT CAST(? AS DATE) AS today) " + SELECT);
        int next = where.params().size() + 1;
        where.bind(query, 1).setParameter(next, max).setParameter(next + 1, first).setParameter(next + 2, Date.valueOf(today));
        List<?> rows = query.getResultList();
        return rows.stream().map(r -> {
            Object[] c = (Object[]) r;
            return new WorklistRow(((Number) c[0]).longValue(), FlagRule.valueOf((String) c[1]), (String) c[2], date(c[3]), (String) c[4],
                    ((Number) c[5]).longValue(), (String) c[6], (String) c[7], ((Number) c[8]).longValue(), (String) c[9], (String) c[10],
                    (String) c[11], date(c[12]), c[13] == null ? null : ((Number) c[13]).longValue(), ((Number) c[14]).longValue(),
                    c[15] == null ? null : ((Number) c[15]).intValue(), c[16] == null ? null : ((Number) c[16]).intValue(),
                    decimal(c[17]), decimal(c[18]));
        }).toList();
    }

    /** The FROM and WHERE of the open worklist flags, with a parameter for each filter given. */
    private record Where(String sql, List<Object> params) {

        static Where of(Filter filter, LocalDate today) {
            StringBuilder sql = new StringBuilder(" FROM escalation_flag f");
            List<Object> params = new java.util.ArrayList<>();
            if (filter.physioId() != null) {
                sql.append(" JOIN episode_of_care e ON e.id = f.episode_id");
            }
            sql.append(" WHERE f.status = 'OPEN' AND f.priority <> 'TASK'");
            if (filter.priority() != null) {
                sql.append(" AND f.priority = ?");
                params.add(filter.priority());
            }
            if (filter.rule() != null) {
                sql.append(" AND f.rule = ?");
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
            return new Where(sql.toString(), params);
        }

        Query bind(Query query, int first) {
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(first + i, params.get(i));
            }
            return query;
        }
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }
}
