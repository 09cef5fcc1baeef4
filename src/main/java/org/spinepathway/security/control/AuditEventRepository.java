package org.spinepathway.security.control;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.spinepathway.security.entity.AuditEvent;

/** The audit log in the database: appended to, filtered and paged, never changed. */
@ApplicationScoped
public class AuditEventRepository {

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public void append(AuditEvent event) {
        em.persist(event);
    }

    public long count(AuditEventFilter filter, ZoneId zone) {
        Where where = where(filter, zone);
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where.jpql, Long.class);
        where.parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** Newest first; {@code first} and {@code max} page in the database. */
    public List<AuditEvent> page(AuditEventFilter filter, ZoneId zone, int first, int max) {
        Where where = where(filter, zone);
        TypedQuery<AuditEvent> query = em.createQuery(
                "SELECT e FROM AuditEvent e" + where.jpql + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
        where.parameters.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public List<AuditEvent> historyOf(long planId, List<Long> interventionIds) {
        TypedQuery<AuditEvent> query = em.createQuery("SELECT e FROM AuditEvent e WHERE e.action IN"
                + " (org.spinepathway.security.entity.AuditAction.CREATE, org.spinepathway.security.entity.AuditAction.UPDATE,"
                + " org.spinepathway.security.entity.AuditAction.VOID)"
                + " AND ((e.recordType = 'TreatmentPlan' AND e.recordId = :planId)"
                + (interventionIds.isEmpty() ? "" : " OR (e.recordType = 'Intervention' AND e.recordId IN :interventionIds)")
                + ") ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
        query.setParameter("planId", planId);
        if (!interventionIds.isEmpty()) {
            query.setParameter("interventionIds", interventionIds);
        }
        return query.setMaxResults(200).getResultList();
    }

    /** Only the conditions that are set, so PostgreSQL never sees an untyped null parameter. */
    private static Where where(AuditEventFilter filter, ZoneId zone) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.username() != null && !filter.username().isBlank()) {
            conditions.add("LOWER(e.username) LIKE :username");
            parameters.put("username", "%" + likeEscaped(filter.username().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.action() != null) {
            conditions.add("e.action = :action");
            parameters.put("action", filter.action());
        }
        if (filter.patientId() != null) {
            conditions.add("e.patientId = :patientId");
            parameters.put("patientId", filter.patientId());
        }
        if (filter.from() != null) {
            conditions.add("e.occurredAt >= :from");
            parameters.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (filter.to() != null) {
            conditions.add("e.occurredAt < :to");
            parameters.put("to", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        String jpql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Where(jpql, parameters);
    }

    private static String likeEscaped(String text) {
        // EclipseLink on PostgreSQL uses backslash as the LIKE escape by default.
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Where(String jpql, Map<String, Object> parameters) {
    }
}
