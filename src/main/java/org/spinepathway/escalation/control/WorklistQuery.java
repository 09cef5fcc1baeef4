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

    // Each parameter once, in the CTE: EclipseLink does not reuse numbered parameters in native SQL.
    private static final String PARAMS = "WITH p AS (SELECT CAST(? AS VARCHAR) AS priority, CAST(? AS VARCHAR) AS rule,"
            + " CAST(? AS BIGINT) AS physio, CAST(? AS INTEGER) AS min_days_open, CAST(? AS DATE) AS today) ";

    private static final String FROM = " FROM p CROSS JOIN escalation_flag f JOIN episode_of_care e ON e.id = f.episode_id"
            + " JOIN patient pt ON pt.id = e.patient_id"
            + " WHERE f.status = 'OPEN' AND f.priority <> 'TASK' AND (p.priority IS NULL OR f.priority = p.priority)"
            + " AND (p.rule IS NULL OR f.rule = p.rule) AND (p.physio IS NULL OR e.physio_id = p.physio)"
            + " AND (p.min_days_open IS NULL OR p.today - f.raised_on >= p.min_days_open)";

    private static final String SELECT = "SELECT f.id, f.rule, f.priority, f.raised_on, f.evidence, e.id, e.region, e.state, pt.id, pt.mrn,"
            + " pt.given_name || ' ' || pt.family_name, phy.display_name, tp.start_date, p.today - tp.start_date, p.today - f.raised_on,"
            + " COALESCE(e.baseline_nrs, i.pain_now), ln.nrs, COALESCE(e.baseline_disability, i.disability_score), ld.disability_score"
            + FROM.replace(" WHERE ", " LEFT JOIN treatment_plan tp ON tp.episode_id = e.id"
            + " LEFT JOIN intake i ON i.episode_id = e.id AND i.status = 'SUBMITTED' AND i.voided_at IS NULL"
            + " LEFT JOIN user_account phy ON phy.id = e.physio_id"
            + " LEFT JOIN LATERAL (SELECT a.nrs FROM assessment a WHERE a.episode_id = e.id AND a.voided_at IS NULL AND a.nrs IS NOT NULL"
            + "   AND a.assessed_on <= p.today ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) ln ON TRUE"
            + " LEFT JOIN LATERAL (SELECT a.disability_score FROM assessment a WHERE a.episode_id = e.id AND a.voided_at IS NULL"
            + "   AND a.disability_score IS NOT NULL AND a.assessed_on <= p.today ORDER BY a.assessed_on DESC, a.id DESC LIMIT 1) ld ON TRUE"
            + " WHERE ")
            + " ORDER BY f.priority DESC, f.raised_at, f.id";

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public long count(Filter filter, LocalDate today) {
        return ((Number) bind(em.createNativeQuery(PARAMS + "SELECT count(*)" + FROM), filter, today).getSingleResult()).longValue();
    }

    public List<WorklistRow> page(Filter filter, LocalDate today, int first, int max) {
        List<?> rows = bind(em.createNativeQuery(PARAMS + SELECT), filter, today).setFirstResult(first).setMaxResults(max).getResultList();
        return rows.stream().map(r -> {
            Object[] c = (Object[]) r;
            return new WorklistRow(((Number) c[0]).longValue(), FlagRule.valueOf((String) c[1]), (String) c[2], date(c[3]), (String) c[4],
                    ((Number) c[5]).longValue(), (String) c[6], (String) c[7], ((Number) c[8]).longValue(), (String) c[9], (String) c[10],
                    (String) c[11], date(c[12]), c[13] == null ? null : ((Number) c[13]).longValue(), ((Number) c[14]).longValue(),
                    c[15] == null ? null : ((Number) c[15]).intValue(), c[16] == null ? null : ((Number) c[16]).intValue(),
                    decimal(c[17]), decimal(c[18]));
        }).toList();
    }

    private static Query bind(Query q, Filter f, LocalDate today) {
        return q.setParameter(1, f.priority()).setParameter(2, f.rule() == null ? null : f.rule().name()).setParameter(3, f.physioId())
                .setParameter(4, f.minDaysOpen()).setParameter(5, Date.valueOf(today));
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }
}
