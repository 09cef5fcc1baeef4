package org.spinepathway.care.control;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import org.spinepathway.patient.boundary.PatientSearch;
import org.spinepathway.platform.control.SqlQuery;

/**
 * A physiotherapist's episodes, paged and sorted in the database, narrowed to a patient searched for
 * by name, medical record number or date of birth ({@link PatientSearch}). The follow-up-overdue list holds
 * the episodes with an open {@code FOLLOW_UP_OVERDUE} task, raised by the escalation job (in
 * conservative care, care started at least 21 days before, no assessment in the last 21 days).
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

    // Each parameter appears once, in the CTE: EclipseLink does not reuse numbered parameters in native SQL.
    private static final String PARAMS = "WITH p AS (SELECT CAST(? AS BIGINT) AS physio, CAST(? AS DATE) AS as_of,"
            + " CAST(? AS VARCHAR) AS state) ";

    private static final String FROM = " FROM p CROSS JOIN episode_of_care e JOIN patient pt ON pt.id = e.patient_id"
            + " LEFT JOIN treatment_plan tp ON tp.episode_id = e.id"
            + " LEFT JOIN LATERAL (SELECT max(a.assessed_on) AS last_on FROM assessment a"
            + "   WHERE a.episode_id = e.id AND a.voided_at IS NULL AND a.assessed_on <= p.as_of) la ON TRUE"
            + " WHERE e.voided_at IS NULL AND e.physio_id = p.physio AND (p.state IS NULL OR e.state = p.state)";

    /** The open FOLLOW_UP_OVERDUE tasks the escalation job raised on the physiotherapist's episodes. */
    private static final String OVERDUE = " AND EXISTS (SELECT 1 FROM escalation_flag f WHERE f.episode_id = e.id"
            + " AND f.rule = 'FOLLOW_UP_OVERDUE' AND f.status = 'OPEN')";

    private static final String COLUMNS = "SELECT e.id, pt.given_name || ' ' || pt.family_name, pt.mrn, e.region, e.state, tp.start_date,"
            + " la.last_on, p.as_of - tp.start_date, p.as_of - la.last_on,"
            + " (SELECT f.id FROM escalation_flag f WHERE f.episode_id = e.id AND f.rule = 'FOLLOW_UP_OVERDUE' AND f.status = 'OPEN')";

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public long count(long physioId, String state, PatientSearch search, LocalDate asOf) {
        SqlQuery count = countQuery(physioId, state, search, asOf);
        return ((Number) count.bind(em.createNativeQuery(count.sql())).getSingleResult()).longValue();
    }

    public List<CaseloadRow> page(long physioId, String state, PatientSearch search, Order order, LocalDate asOf, int first, int max) {
        SqlQuery page = pageQuery(physioId, state, search, order, asOf);
        return rows(page.bind(em.createNativeQuery(page.sql())).setFirstResult(first).setMaxResults(max));
    }

    /** How many of the physiotherapist's episodes the list holds ({@code search} may be null). */
    public static SqlQuery countQuery(long physioId, String state, PatientSearch search, LocalDate asOf) {
        return searched(PARAMS + "SELECT count(*)" + FROM, "", physioId, state, search, asOf);
    }

    /** The list in {@code order}, without its page's LIMIT and OFFSET. */
    public static SqlQuery pageQuery(long physioId, String state, PatientSearch search, Order order, LocalDate asOf) {
        return searched(PARAMS + COLUMNS + FROM, " ORDER BY " + order.sql, physioId, state, search, asOf);
    }

    private static SqlQuery searched(String select, String orderBy, long physioId, String state, PatientSearch search, LocalDate asOf) {
        List<Object> params = new ArrayList<>(List.of(physioId, Date.valueOf(asOf)));
        params.add(state);
        if (search == null) {
            return new SqlQuery(select + orderBy, params);
        }
        params.addAll(search.params());
        return new SqlQuery(select + " AND " + search.condition("pt") + orderBy, params);
    }

    public long countOverdue(long physioId, LocalDate asOf) {
        return ((Number) bind(em.createNativeQuery(PARAMS + "SELECT count(*)" + FROM + OVERDUE), physioId, asOf, null)
                .getSingleResult()).longValue();
    }

    /** Longest without an assessment first. */
    public List<CaseloadRow> overdue(long physioId, LocalDate asOf, int first, int max) {
        return rows(bind(em.createNativeQuery(PARAMS + COLUMNS + FROM + OVERDUE + " ORDER BY " + Order.LONGEST_SINCE_ASSESSMENT.sql),
                physioId, asOf, null).setFirstResult(first).setMaxResults(max));
    }

    private static Query bind(Query q, long physioId, LocalDate asOf, String state) {
        return q.setParameter(1, physioId).setParameter(2, Date.valueOf(asOf)).setParameter(3, state);
    }

    private static List<CaseloadRow> rows(Query q) {
        List<?> rows = q.getResultList();
        return rows.stream().map(r -> {
            Object[] c = (Object[]) r;
            return new CaseloadRow(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3], (String) c[4],
                    date(c[5]), date(c[6]), number(c[7]), number(c[8]), number(c[9]));
        }).toList();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
    }

    private static Long number(Object value) {
        return value == null ? null : value instanceof BigDecimal b ? b.longValue() : ((Number) value).longValue();
    }
}
