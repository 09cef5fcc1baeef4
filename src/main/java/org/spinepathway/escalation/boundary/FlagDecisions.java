package org.spinepathway.escalation.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;

import org.spinepathway.care.boundary.EpisodeService;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.EpisodeState;
import org.spinepathway.escalation.control.FlagExplanation;
import org.spinepathway.escalation.control.FlagRepository;
import org.spinepathway.escalation.control.ReferralLetter;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagPriority;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.escalation.entity.FlagStatus;
import org.spinepathway.escalation.entity.Referral;
import org.spinepathway.platform.control.Acting;
import org.spinepathway.platform.control.ClinicWords;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotAllowedException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.platform.control.StorableText;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;

/**
 * Decisions on flags. A physician refers (a referral and its PDF letter; the episode is REFERRED and
 * leaves the rules), continues conservative care (a recheck date is required) or dismisses (a
 * reason is required); a physiotherapist closes a TASK with a reason, and recording an assessment
 * closes it too. Every decision is audited with the rule version and the evidence.
 */
@ApplicationScoped
@Transactional
public class FlagDecisions {

    /** The answer for a flag that does not exist and for one the caller may not see: the same words, no id. */
    public static final String NO_SUCH_FLAG = "There is no such flag that you may see.";
    /** The same for a letter: an unknown flag, one the caller may not see and one without a referral. */
    public static final String NO_SUCH_LETTER = "There is no referral letter for such a flag that you may see.";


    public static final Set<String> DECISIONS = Set.of("REFER", "CONTINUE", "DISMISS");

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    @Inject
    Acting acting;

    @Inject
    FlagRepository flags;

    @Inject
    EpisodeService episodes;

    @Inject
    ReferralLetters letters;

    @Inject
    AuditLog audit;

    @Inject
    SecurityContext securityContext;

    @Inject
    Clock clock;

    /** An episode's flags, newest first, for its physiotherapist and physicians; reading them is audited. */
    public List<EscalationFlag> ofEpisode(long episodeId) {
        EpisodeOfCare episode = episodes.require(episodeId);
        audit.record(AuditAction.READ, episode.getPatientId(), "EscalationFlag", null, "flags of episode " + episodeId);
        return flags.ofEpisode(episodeId);
    }

    /** One flag with its episode (access checked), for the decision page. */
    public EscalationFlag require(long flagId) {
        EscalationFlag flag = Optional.ofNullable(em.find(EscalationFlag.class, flagId))
                .orElseThrow(() -> new NotFoundException(NO_SUCH_FLAG));
        EpisodeOfCare episode = episodeOfFlag(flag);
        audit.record(AuditAction.READ, episode.getPatientId(), "EscalationFlag", flag.getId(), null);
        return flag;
    }

    public EscalationFlag decide(long flagId, String decision, String reason, LocalDate recheckOn) {
        return decide(flagId, decision, reason, recheckOn, null);
    }

    /**
     * Decides an open flag. A referral writes the letter, addressed to {@code referTo} (the receiving
     * service the physician chose or typed; clinic.letter.default-addressee when blank).
     */
    public EscalationFlag decide(long flagId, String decision, String reason, LocalDate recheckOn, String referTo) {
        if (!securityContext.isCallerInRole(Role.PHYSICIAN_NAME)) {
            throw new NotAllowedException("Only a physician decides on a flag.");
        }
        EscalationFlag flag = lock(flagId);
        EpisodeOfCare episode = episodeOfFlag(flag);
        String note = reason == null ? null : reason.strip();
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (decision == null || !DECISIONS.contains(decision)) {
            errors.add(new FieldError("decision", "Choose REFER, CONTINUE or DISMISS."));
        } else if (decision.equals("CONTINUE") && recheckOn == null) {
            errors.add(new FieldError("recheckOn", "Give the date to recheck this patient."));
        } else if (decision.equals("CONTINUE") && !recheckOn.isAfter(today)) {
            errors.add(new FieldError("recheckOn", "The recheck date must be after today."));
        } else if (decision.equals("CONTINUE") && recheckOn.isAfter(today.plusYears(1))) {
            errors.add(new FieldError("recheckOn", "Choose a recheck date within a year."));
        } else if (decision.equals("DISMISS") && (note == null || note.isEmpty())) {
            errors.add(new FieldError("reason", "Say why this flag is dismissed."));
        }
        if (note != null && note.length() > 2000) {
            errors.add(new FieldError("reason", "Please keep this to 2000 characters or fewer."));
        }
        String addressee = referTo == null || referTo.isBlank() ? letters.defaultAddressee() : referTo.strip();
        if (addressee.length() > 300) {
            errors.add(new FieldError("referTo", "Please keep the receiving service to 300 characters or fewer."));
        } else if (!StorableText.isStorable(addressee) || addressee.contains("\n")) {
            errors.add(new FieldError("referTo", "Give the receiving service on one line, without control characters."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (flag.getStatus() != FlagStatus.OPEN) {
            throw new ConflictException(null, "This flag was decided already: " + flag.getStatus().name().toLowerCase() + " by "
                    + flag.getDecidedBy() + " on " + flag.getDecidedAt().atZoneSameInstant(clock.getZone()).toLocalDate() + ".");
        }
        if (flag.getPriority() == FlagPriority.TASK) {
            throw new ConflictException(null, "A follow-up task is closed by the physiotherapist, not decided by a physician.");
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String by = acting.name();
        switch (decision) {
            case "REFER" -> {
                flag.decide(FlagStatus.REFERRED, by, now, note, null);
                episode.moveTo(EpisodeState.REFERRED);
                Referral referral = new Referral(episode.getId(), flag.getId(), note == null ? "" : note, addressee,
                        letters.letter(episode, flag, note, by, addressee));
                em.persist(referral);
                em.flush();
                audit.record(AuditAction.CREATE, episode.getPatientId(), "Referral", referral.getId(), "referral letter for flag " + flag.getId() + " to " + addressee);
                // The episode leaves the rules: its other open flags are settled by the same referral.
                for (EscalationFlag other : flags.ofEpisode(episode.getId())) {
                    if (other.getStatus() == FlagStatus.OPEN && !other.getId().equals(flag.getId())) {
                        other.decide(other.getPriority() == FlagPriority.TASK ? FlagStatus.CLOSED : FlagStatus.REFERRED, by, now,
                                "settled by the referral on flag " + flag.getId(), null);
                        audit.record(AuditAction.DECISION, episode.getPatientId(), "EscalationFlag", other.getId(),
                                words(other) + ": settled by the referral on flag " + flag.getId());
                    }
                }
            }
            case "CONTINUE" -> {
                flag.decide(FlagStatus.CONTINUED, by, now, note, recheckOn);
                leaveReviewIfClear(episode, flag);
            }
            default -> {
                flag.decide(FlagStatus.DISMISSED, by, now, note, null);
                leaveReviewIfClear(episode, flag);
            }
        }
        em.flush();
        audit.record(AuditAction.DECISION, episode.getPatientId(), "EscalationFlag", flag.getId(), words(flag)
                + " (rule set " + flag.getRuleVersion() + ")" + (recheckOn != null ? ", recheck " + recheckOn : "")
                + (note != null && !note.isEmpty() ? ": " + note : "") + "; evidence: " + explanation(flag));
        return flag;
    }

    /** A decided flag in words, such as "Red flag: referred for a surgical opinion". */
    private static String words(EscalationFlag flag) {
        return ClinicWords.of("rule", flag.getRule()) + ": " + ClinicWords.of("flagStatus", flag.getStatus()).toLowerCase();
    }

    /** A physiotherapist closes a follow-up task with a reason. */
    public EscalationFlag closeTask(long flagId, String reason) {
        if (!securityContext.isCallerInRole(Role.PHYSIO_NAME)) {
            throw new NotAllowedException("Follow-up tasks are closed by the physiotherapist.");
        }
        EscalationFlag flag = lock(flagId);
        EpisodeOfCare episode = episodeOfFlag(flag);
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "Say why the follow-up is closed.");
        }
        if (reason.length() > 2000) {
            throw InvalidInputException.of("reason", "Please keep this to 2000 characters or fewer.");
        }
        if (flag.getPriority() != FlagPriority.TASK || flag.getStatus() != FlagStatus.OPEN) {
            throw new ConflictException(null, "Only an open follow-up task can be closed here.");
        }
        flag.decide(FlagStatus.CLOSED, acting.name(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                reason.strip(), null);
        em.flush();
        audit.record(AuditAction.DECISION, episode.getPatientId(), "EscalationFlag", flag.getId(), words(flag) + ": " + reason.strip());
        return flag;
    }

    /** The letter of the referral a flag produced, as issued. */
    public Referral referralOf(long flagId) {
        EscalationFlag flag;
        try {
            flag = require(flagId);
        } catch (NotFoundException noFlag) {
            throw new NotFoundException(NO_SUCH_LETTER);
        }
        Referral referral = em.createNamedQuery(Referral.FIND_BY_FLAG, Referral.class).setParameter("flagId", flag.getId())
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException(NO_SUCH_LETTER));
        EpisodeOfCare episode = episodes.require(referral.getEpisodeId());
        audit.record(AuditAction.EXPORT, episode.getPatientId(), "Referral", referral.getId(), "referral letter downloaded");
        return referral;
    }

    public String explanation(EscalationFlag flag) {
        return FlagExplanation.sentence(flag.getRule(), flag.getEvidence());
    }

    /** The flag's episode, access checked; a flag of an episode the caller may not see reads as no flag at all. */
    private EpisodeOfCare episodeOfFlag(EscalationFlag flag) {
        try {
            return episodes.require(flag.getEpisodeId());
        } catch (NotFoundException notYours) {
            throw new NotFoundException(NO_SUCH_FLAG);
        }
    }

    /** The flag, with its episode locked first (as every writer of its flags does) and then itself; access checked. */
    private EscalationFlag lock(long flagId) {
        EscalationFlag found = Optional.ofNullable(em.find(EscalationFlag.class, flagId))
                .orElseThrow(() -> new NotFoundException(NO_SUCH_FLAG));
        try {
            episodes.requireForChange(found.getEpisodeId());
        } catch (NotFoundException notYours) {
            throw new NotFoundException(NO_SUCH_FLAG);
        }
        return em.find(EscalationFlag.class, flagId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** With no other open REVIEW or URGENT flag the episode returns to conservative care. */
    private void leaveReviewIfClear(EpisodeOfCare episode, EscalationFlag decided) {
        boolean othersOpen = flags.ofEpisode(episode.getId()).stream().anyMatch(f -> f.getStatus() == FlagStatus.OPEN
                && f.getPriority() != FlagPriority.TASK && !f.getId().equals(decided.getId()));
        if (!othersOpen && episode.getState() == EpisodeState.UNDER_REVIEW) {
            episode.moveTo(EpisodeState.CONSERVATIVE_CARE);
        }
    }

    /** Recording an assessment is the follow-up: it closes the episode's open follow-up task (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void followUpRecorded(EpisodeOfCare episode) {
        flags.findOpen(episode.getId(), FlagRule.FOLLOW_UP_OVERDUE).ifPresent(task -> {
            task.decide(FlagStatus.CLOSED, acting.name(),
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), "an assessment was recorded", null);
            audit.record(AuditAction.DECISION, episode.getPatientId(), "EscalationFlag", task.getId(), words(task) + ": an assessment was recorded");
        });
    }
}
