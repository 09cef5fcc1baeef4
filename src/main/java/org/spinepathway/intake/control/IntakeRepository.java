package org.spinepathway.intake.control;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.spinepathway.care.entity.Side;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.intake.entity.DisabilityInstrument;
import org.spinepathway.intake.entity.Intake;
import org.spinepathway.intake.entity.IntakeStatus;
import org.spinepathway.platform.control.SqlQuery;

/** Intakes in the database. */
@ApplicationScoped
public class IntakeRepository {

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public Optional<Intake> find(long id) {
        return Optional.ofNullable(em.find(Intake.class, id)).filter(i -> !i.isVoided());
    }

    public Optional<Intake> findByStatus(long episodeId, IntakeStatus status) {
        return em.createNamedQuery(Intake.FIND_BY_EPISODE_AND_STATUS, Intake.class)
                .setParameter("episodeId", episodeId).setParameter("status", status)
                .getResultStream().findFirst();
    }

    public int nextVersion(long episodeId) {
        Integer latest = em.createNamedQuery(Intake.LATEST_VERSION, Integer.class).setParameter("episodeId", episodeId).getSingleResult();
        return latest == null ? 1 : latest + 1;
    }

    public Intake add(Intake intake) {
        em.persist(intake);
        em.flush();
        return intake;
    }

    /** Writes pending changes now, so that the database's constraints see them in order. */
    public void flush() {
        em.flush();
    }

    public long countQueue(IntakeQueue.Filter filter) {
        SqlQuery count = IntakeQueue.count(filter);
        return ((Number) count.bind(em.createNativeQuery(count.sql())).getSingleResult()).longValue();
    }

    /** The physiotherapists' queue ({@link IntakeQueue}); one query with the episode and the patient. */
    public List<QueueRow> queue(IntakeQueue.Filter filter, int first, int max) {
        SqlQuery page = IntakeQueue.page(filter);
        List<?> rows = page.bind(em.createNativeQuery(page.sql())).setFirstResult(first).setMaxResults(max).getResultList();
        return rows.stream().map(r -> {
            Object[] c = (Object[]) r;
            return new QueueRow(((Number) c[0]).longValue(), ((Number) c[1]).longValue(), offsetDateTime(c[2]), (String) c[3],
                    c[4] == null ? null : ((Number) c[4]).intValue(), c[5] == null ? null : DisabilityInstrument.valueOf((String) c[5]),
                    c[6] == null ? null : new BigDecimal(c[6].toString()), SpineRegion.valueOf((String) c[7]), Side.valueOf((String) c[8]),
                    ((Number) c[9]).longValue(), (String) c[10], (String) c[11], (String) c[12], IntakeQueue.Status.valueOf((String) c[13]));
        }).toList();
    }

    private static OffsetDateTime offsetDateTime(Object value) {
        return value instanceof OffsetDateTime at ? at : ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
