package org.spinepathway.launcher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.spinepathway.care.entity.Assessment;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.Intervention;
import org.spinepathway.care.entity.InterventionStatus;
import org.spinepathway.care.entity.InterventionType;
import org.spinepathway.care.entity.TreatmentPlan;
import org.spinepathway.escalation.control.EpisodeEvaluation;
import org.spinepathway.escalation.control.EpisodeFacts;
import org.spinepathway.escalation.control.MotorDeclineRule;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.escalation.entity.FlagStatus;
import org.spinepathway.intake.entity.Intake;
import org.spinepathway.intake.entity.IntakeStatus;
import org.spinepathway.testing.PackagedSettings;

/**
 * The common design the benchmark compares against: the same rules, one episode at a time, each
 * episode's records loaded as JPA entities through the application's own persistence unit and
 * named queries (EclipseLink, as in the server, with a resource-local connection to the bench
 * database): the episode, its plan, its submitted intake, its assessments (motor grades eagerly, as
 * mapped), its plan's interventions and its flags.
 */
final class PerEpisodeJpa implements AutoCloseable {

    private final EntityManagerFactory factory;
    private final EpisodeEvaluation evaluation = new EpisodeEvaluation(PackagedSettings.thresholds());

    /** On EclipseLink's own connection pool (as the server has its pool): no connection is opened per query. */
    PerEpisodeJpa(String jdbcUrl, String user, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        settings.put("jakarta.persistence.jtaDataSource", "");
        settings.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
        settings.put("jakarta.persistence.jdbc.url", jdbcUrl);
        settings.put("jakarta.persistence.jdbc.user", user);
        settings.put("jakarta.persistence.jdbc.password", password);
        settings.put("eclipselink.target-server", "None");
        settings.put("eclipselink.logging.level", "WARNING");
        factory = Persistence.createEntityManagerFactory("clinic", settings);
    }

    /** Evaluates the episodes one by one; answers the number of findings. */
    int evaluate(List<Long> episodeIds, LocalDate asOf) {
        int findings = 0;
        for (long id : episodeIds) {
            EntityManager em = factory.createEntityManager();
            try {
                findings += evaluation.evaluate(facts(em, id, asOf), asOf).size();
            } finally {
                em.close();
            }
        }
        return findings;
    }

    private static EpisodeFacts facts(EntityManager em, long id, LocalDate asOf) {
        EpisodeOfCare episode = em.find(EpisodeOfCare.class, id);
        TreatmentPlan plan = em.createNamedQuery(TreatmentPlan.FIND_BY_EPISODE, TreatmentPlan.class).setParameter("episodeId", id)
                .getResultStream().findFirst().orElse(null);
        Intake intake = em.createNamedQuery(Intake.FIND_BY_EPISODE_AND_STATUS, Intake.class).setParameter("episodeId", id)
                .setParameter("status", IntakeStatus.SUBMITTED).getResultStream().findFirst().orElse(null);
        List<EpisodeFacts.Measurement> measurements = new ArrayList<>();
        List<MotorDeclineRule.Grade> grades = new ArrayList<>();
        for (Assessment a : em.createNamedQuery(Assessment.FIND_BY_EPISODE, Assessment.class).setParameter("episodeId", id).getResultList()) {
            if (a.getAssessedOn().isAfter(asOf)) {
                continue;
            }
            measurements.add(new EpisodeFacts.Measurement(a.getId(), a.getAssessedOn(), a.getRecordedAt(), a.getNrs(), a.getDisabilityScore(),
                    !a.getRedFlags().isEmpty()));
            if ("CLINICIAN".equals(a.getSource())) {
                a.getMotor().forEach(m -> grades.add(new MotorDeclineRule.Grade(a.getId(), a.getAssessedOn(), m.getMyotome(), m.getSide(), m.getGrade())));
            }
        }
        List<LocalDate> injections = new ArrayList<>();
        if (plan != null) {
            for (Intervention i : em.createNamedQuery(Intervention.FIND_BY_PLAN, Intervention.class).setParameter("planId", plan.getId())
                    .getResultList()) {
                if (i.getType() == InterventionType.INJECTION && i.getGivenOn() != null && i.getStatus() != InterventionStatus.PLANNED
                        && !i.getGivenOn().isAfter(asOf)) {
                    injections.add(i.getGivenOn());
                }
            }
        }
        Map<FlagRule, EpisodeFacts.Decision> decisions = new EnumMap<>(FlagRule.class);
        EpisodeFacts.Decision lastContinue = null;
        Set<FlagRule> open = EnumSet.noneOf(FlagRule.class);
        List<EscalationFlag> flags = new ArrayList<>(em.createNamedQuery(EscalationFlag.FIND_BY_EPISODE, EscalationFlag.class)
                .setParameter("episodeId", id).getResultList());
        flags.sort(java.util.Comparator.comparing(EscalationFlag::getDecidedAt, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        for (EscalationFlag f : flags) {
            if (f.getStatus() == FlagStatus.OPEN) {
                open.add(f.getRule());
            } else if (f.getDecidedAt() != null) {
                EpisodeFacts.Decision decision = new EpisodeFacts.Decision(f.getStatus().name(), f.getDecidedAt(), f.getRecheckOn());
                decisions.put(f.getRule(), decision);
                if (f.getStatus() == FlagStatus.CONTINUED) {
                    lastContinue = decision;
                }
            }
        }
        return new EpisodeFacts(id, episode.getState().name(), plan == null ? null : plan.getStartDate(),
                episode.getBaselineNrs() != null ? episode.getBaselineNrs() : intake == null ? null : intake.getPainNow(),
                episode.getBaselineDisability() != null ? episode.getBaselineDisability() : intake == null ? null : intake.getDisabilityScore(),
                intake != null && !intake.redFlagCodes().isEmpty() ? intake.getSubmittedAt() : null,
                measurements, grades, injections, Map.copyOf(decisions), lastContinue, Set.copyOf(open));
    }

    @Override
    public void close() {
        factory.close();
    }
}
