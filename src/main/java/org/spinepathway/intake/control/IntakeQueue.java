package org.spinepathway.intake.control;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.spinepathway.patient.boundary.PatientSearch;
import org.spinepathway.platform.control.SqlQuery;

/**
 * The physiotherapists' queue of submitted intakes as SQL: red flags first, then the newest; by
 * default only those still waiting for a physiotherapist, so the queue empties as episodes are opened
 * for care or closed; narrowed to a patient searched for ({@link PatientSearch}).
 */
public final class IntakeQueue {

    /** Where an intake's episode stands. */
    public enum Status {
        /** Submitted, and no physiotherapist has opened the episode for care yet. */
        NEW,
        /** A physiotherapist opened the episode for conservative care. */
        IN_CARE,
        /** The episode is over (referred, resolved, discharged) or was voided. */
        CLOSED
    }

    /** What the queue shows: {@code all} intakes, or only the {@link Status#NEW} ones; {@code search} may be null. */
    public record Filter(boolean all, PatientSearch search) implements Serializable {
        public static Filter waiting() {
            return new Filter(false, null);
        }
    }

    static final String STATUS = "CASE WHEN e.voided_at IS NOT NULL OR e.state IN ('REFERRED', 'RESOLVED', 'DISCHARGED') THEN 'CLOSED'"
            + " WHEN e.care_opened_at IS NOT NULL THEN 'IN_CARE' ELSE 'NEW' END";

    /**
     * The waiting episodes, from V13's partial index {@code episode_waiting_idx}. Not opened for care is
     * what counts, not the state: a red flag at intake puts an episode under review before any
     * physiotherapist has seen it, and that intake needs one most.
     */
    private static final String WAITING = " AND e.care_opened_at IS NULL AND e.voided_at IS NULL"
            + " AND e.state NOT IN ('REFERRED', 'RESOLVED', 'DISCHARGED')";

    private static final String FROM = " FROM intake i JOIN episode_of_care e ON e.id = i.episode_id JOIN patient p ON p.id = e.patient_id"
            + " WHERE i.status = 'SUBMITTED' AND i.voided_at IS NULL";

    private static final String COLUMNS = "SELECT i.id, i.episode_id, i.submitted_at, i.red_flags, i.pain_now, i.disability_instrument,"
            + " i.disability_score, e.region, e.side, p.id, p.mrn, p.given_name, p.family_name, " + STATUS;

    private IntakeQueue() {
    }

    public static SqlQuery count(Filter filter) {
        return query("SELECT count(*)" + FROM, "", filter);
    }

    /** The queue in its order, without its page's LIMIT and OFFSET. */
    public static SqlQuery page(Filter filter) {
        return query(COLUMNS + FROM, " ORDER BY (i.red_flags <> '') DESC, i.submitted_at DESC, i.id DESC", filter);
    }

    private static SqlQuery query(String select, String orderBy, Filter filter) {
        StringBuilder sql = new StringBuilder(select);
        List<Object> params = new ArrayList<>();
        if (!filter.all()) {
            sql.append(WAITING);
        }
        if (filter.search() != null) {
            sql.append(" AND ").append(filter.search().condition("p"));
            params.addAll(filter.search().params());
        }
        return new SqlQuery(sql.append(orderBy).toString(), params);
    }
}
