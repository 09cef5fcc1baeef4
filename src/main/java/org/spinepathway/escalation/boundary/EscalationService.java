package org.spinepathway.escalation.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.spinepathway.care.boundary.EpisodeService;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.escalation.control.FlagRepository;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagPriority;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.escalation.control.FlagExplanation;
import org.spinepathway.platform.control.ClinicWords;

/**
 * Raises escalation flags. At most one flag per episode and rule is open at a time: raising again
 * returns the open one (the database's partial unique index backs this up against races). A REVIEW
 * or URGENT flag puts its episode under review. Every raise is audited with its evidence.
 */
@ApplicationScoped
public class EscalationService {

    @Inject
    FlagRepository flags;

    @Inject
    EpisodeService episodes;

    @Inject
    AuditLog audit;

    @Inject
    FlagNotifications notifications;

    @Inject
    Clock clock;

    /** Raises the rule's flag on the episode in the caller's transaction, unless one is open already. */
    @Transactional(TxType.MANDATORY)
    public EscalationFlag raise(EpisodeOfCare episode, FlagRule rule, JsonObject evidence) {
        var open = flags.findOpen(episode.getId(), rule);
        if (open.isPresent()) {
            return open.get();
        }
        EscalationFlag flag;
        try {
            flag = flags.add(new EscalationFlag(episode.getId(), rule, LocalDate.now(clock),
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), evidence.toString()));
        } catch (PersistenceException raisedConcurrently) {
            // Another transaction raised it between our look and our insert; theirs stands.
            throw new IllegalStateException("flag " + rule + " on episode " + episode.getId() + " raised concurrently", raisedConcurrently);
        }
        if (rule.priority() != FlagPriority.TASK) {
            episode.putUnderReview();
        }
        audit.record(AuditAction.CREATE, episode.getPatientId(), "EscalationFlag", flag.getId(),
                ClinicWords.of("rule", rule) + " (" + ClinicWords.of("priority", rule.priority()).toLowerCase() + ", rule set "
                        + FlagRule.VERSION + "): " + FlagExplanation.sentence(rule, evidence.toString()));
        if (rule.priority() == FlagPriority.URGENT) {
            notifications.urgentFlagRaised(episode, flag);
        }
        return flag;
    }

    /** The rule's open flag on the episode, if there is one. */
    @Transactional(TxType.SUPPORTS)
    public Optional<EscalationFlag> findOpen(long episodeId, FlagRule rule) {
        return flags.findOpen(episodeId, rule);
    }
}
