package org.spinepathway.care.control;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * A physiotherapist's episodes, paged and sorted in the database. The follow-up-overdue list is
 * the {@code FOLLOW_UP_OVERDUE} condition of escalation-rules.md: in conservative care, care
 * started at least N days before D, and no assessment dated in the N days up to D.
 */
@ApplicationScoped
public class CaseloadRepository {

    /** How the caseload can be ordered; each ends with the episode id so paging is stable. */
    public enum Order {
        LONGEST_IN_CARE("tp.start_date ASC NULLS LAST, e.id"),
        SHORTEST_IN_CARE("tp.start_date DESC NULLS FIRST, e.id"),
        LONGEST_SINCE_ASSESSMENT("la.last_on ASC NULLS FIRST, e.id"),
        MOST_RECENT_ASSESSMENT("la.last_on DESC NULLS LAST, e.id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    private static final String FROM = " FROM episode_of_care e JOIN patient p ON p.id = e.patient_id"
            + " LEFT JOIN treatment_plan tp ON tp.episode_id = e.id AND tp.voided_at IS NULL"
            + " LEFT JOIN LATERAL (SELECT max(a.assessed_on) AS last_on FROM assessment a"
            + "   WHERE a.episode_id = e.id AND a.voided_at IS NULL AND a.assessed_on <= ?2) la ON TRUE"
            + " WHERE e.voided_at IS NULL AND e.physio_id = ?1";

    private static final String STATE = " AND e.state = ?3";

    private static final String OVERDUE = " AND e.state = 'CONSERVATIVE_CARE' AND tp.start_date <= ?2 - CAST(?3 AS INTEGER)"
            + " AND (la.last_on IS NULL OR la.last_on <= ?2 - CAST(?3 AS INTEGER))";

    private static final String COLUMNS = "SELECT e.id, p.given_name || ' ' || p.family_name, p.mrn, e.region, e.state, tp.start_date,"
            + " la.last_on, ?2 - tp.start_date, ?2 - la.last_on";

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public long count(long physioId, String state, LocalDate asOf) {
        Query q = em.createNativeQuery("SELECT count(*)" + FROM + (state == null ? "" : STATE))
                .setParameter(1, physioId).setParameter(2, Date.valueOf(asOf));
        if (state != null) {
            q.setParameter(3, state);
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    public List<CaseloadRow> page(long physioId, String state, Order order, LocalDate asOf, int first, int max) {
        Query q = em.createNativeQuery(COLUMNS + FROM + (state == null ? "" : STATE) + " ORDER BY " + order.sql)
                .setParameter(1, physioId).setParameter(2, Date.valueOf(asOf)).setFirstResult(first).setMaxResults(max);
        if (state != null) {
            q.setParameter(3, state);
        }
        return rows(q);
    }

    public long countOverdue(long physioId, LocalDate asOf, int days) {
        return ((Number) em.createNativeQuery("SELECT count(*)" + FROM + OVERDUE)
                .setParameter(1, physioId).setParameter(2, Date.valueOf(asOf)).setParameter(3, days).getSingleResult()).longValue();
    }

    /** Longest without an assessment first. */
    public List<CaseloadRow> overdue(long physioId, LocalDate asOf, int days, int first, int max) {
        return rows(em.createNativeQuery(COLUMNS + FROM + OVERDUE + " ORDER BY " + Order.LONGEST_SINCE_ASSESSMENT.sql)
                .setParameter(1, physioId).setParameter(2, Date.valueOf(asOf)).setParameter(3, days).setFirstResult(first).setMaxResults(max));
    }

    private static List<CaseloadRow> rows(Query q) {
        List<?> rows = q.getResultList();
        return rows.stream().map(r -> {
            Object[] c = (Object[]) r;
            return new CaseloadRow(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3], (String) c[4],
                    date(c[5]), date(c[6]), number(c[7]), number(c[8]));
        }).toList();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
    }

    private static Long number(Object value) {
        return value == null ? null : value instanceof BigDecimal b ? b.longValue() : ((Number) value).longValue();
    }
}
