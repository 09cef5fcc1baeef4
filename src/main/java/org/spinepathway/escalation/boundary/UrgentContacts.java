package org.spinepathway.escalation.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.care.boundary.EpisodeService;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.escalation.entity.ContactMethod;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagAcknowledgement;
import org.spinepathway.escalation.entity.FlagPriority;
import org.spinepathway.escalation.entity.FlagStatus;
import org.spinepathway.platform.control.ClinicWords;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.MailOutbox;
import org.spinepathway.platform.control.NotAllowedException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.platform.control.StorableText;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/**
 * The closed loop on URGENT flags. Someone of the care team records each attempt to reach the
 * patient: who, when, how and what was said. A flag counts as acknowledged once an attempt reached
 * the patient ("no answer" does not). An open URGENT flag nobody acknowledged within
 * {@code clinic.escalation.urgent-ack-minutes} is overdue: it is sent once more, to the on-call
 * fallback address, and the worklist and the flag page show it as overdue. The physician's decision
 * on the flag is separate and unchanged.
 */
@ApplicationScoped
@Transactional
public class UrgentContacts {

    private static final Logger LOG = Logger.getLogger(UrgentContacts.class.getName());
    /** A contact's time may be a little ahead of the server's clock (the caller's watch), not more. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int MAX_NOTE = 2000;

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    @Inject
    EpisodeService episodes;

    @Inject
    AccountService accounts;

    @Inject
    AuditLog audit;

    @Inject
    MailOutbox outbox;

    @Inject
    SecurityContext securityContext;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clinic.escalation.urgent-ack-minutes")
    int ackMinutes;

    @Inject
    @ConfigProperty(name = "clinic.notify.urgent-fallback")
    Optional<String> fallback;

    @Inject
    @ConfigProperty(name = "clinic.public-url")
    String publicUrl;

    /** Where an URGENT flag stands in the loop, for the flag page, the letter and the export. */
    public record Status(List<FlagAcknowledgement> attempts, boolean acknowledged, boolean overdue, OffsetDateTime dueBy) {
    }

    /**
     * Records an attempt to reach the patient of an URGENT flag. {@code contactedAt} defaults to now;
     * it may not be in the future nor before the flag was raised. A note (what was said) is required
     * unless nobody answered.
     */
    public FlagAcknowledgement acknowledge(long flagId, OffsetDateTime contactedAt, String method, String note) {
        if (!securityContext.isCallerInRole(Role.PHYSIO_NAME) && !securityContext.isCallerInRole(Role.PHYSICIAN_NAME)) {
            throw new NotAllowedException("Contacts with a patient are recorded by their physiotherapist or a physician.");
        }
        EscalationFlag flag = Optional.ofNullable(em.find(EscalationFlag.class, flagId))
                .orElseThrow(() -> new NotFoundException(FlagDecisions.NO_SUCH_FLAG));
        EpisodeOfCare episode;
        try {
            episode = episodes.require(flag.getEpisodeId());
        } catch (NotFoundException notYours) {
            throw new NotFoundException(FlagDecisions.NO_SUCH_FLAG);
        }
        requireCareTeam(episode);
        if (flag.getPriority() != FlagPriority.URGENT) {
            throw new ConflictException(null, "Contacts are recorded for URGENT flags; this flag is " + flag.getPriority().name().toLowerCase() + ".");
        }
        OffsetDateTime now = now();
        OffsetDateTime at = contactedAt == null ? now : contactedAt;
        String text = note == null || note.isBlank() ? null : note.strip();
        List<FieldError> errors = new ArrayList<>();
        ContactMethod how = null;
        try {
            how = method == null ? null : ContactMethod.valueOf(method);
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        if (how == null) {
            errors.add(new FieldError("method", "Choose how the patient was contacted: PHONE, SMS, EMAIL, IN_PERSON or NO_ANSWER."));
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("contactedAt", "The contact cannot be in the future."));
        } else if (at.isBefore(flag.getRaisedAt())) {
            errors.add(new FieldError("contactedAt", "The contact cannot be before the flag was raised ("
                    + flag.getRaisedAt().atZoneSameInstant(clock.getZone()).toLocalDateTime().withNano(0) + ")."));
        }
        if (text == null && how != null && how.reached()) {
            errors.add(new FieldError("note", "Write what was said or advised."));
        } else if (text != null && text.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "Please keep this to " + MAX_NOTE + " characters or fewer."));
        } else if (text != null && !StorableText.isStorable(text)) {
            errors.add(new FieldError("note", StorableText.MESSAGE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        FlagAcknowledgement attempt = new FlagAcknowledgement(flag.getId(), at, how, text);
        em.persist(attempt);
        em.flush();
        audit.record(AuditAction.CREATE, episode.getPatientId(), "FlagAcknowledgement", attempt.getId(),
                ClinicWords.of("contact.method", how) + " at " + at + " for the urgent flag " + flag.getId()
                        + (how.reached() ? "" : " (not reached)"));
        return attempt;
    }

    /** The flag's contact attempts (oldest first) and where it stands; empty for a flag that is not URGENT. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Status> statusOf(EscalationFlag flag) {
        if (flag.getPriority() != FlagPriority.URGENT) {
            return Optional.empty();
        }
        List<FlagAcknowledgement> attempts = em.createNamedQuery(FlagAcknowledgement.OF_FLAG, FlagAcknowledgement.class)
                .setParameter("flagId", flag.getId()).getResultList();
        boolean acknowledged = attempts.stream().anyMatch(a -> a.getMethod().reached());
        OffsetDateTime dueBy = flag.getRaisedAt().plusMinutes(ackMinutes);
        boolean overdue = !acknowledged && flag.getStatus() == FlagStatus.OPEN && !now().isBefore(dueBy);
        return Optional.of(new Status(attempts, acknowledged, overdue, dueBy));
    }

    /** How to reach a patient: their phone, and their emergency contact; each may be missing. */
    public record PatientContact(String phone, String emergencyContactName, String emergencyContactPhone) {
    }

    /** How to reach the patient of this flag (whose reading the caller has audited already). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PatientContact> patientContact(EscalationFlag flag) {
        List<?> rows = em.createNativeQuery("SELECT p.phone, p.emergency_contact_name, p.emergency_contact_phone"
                + " FROM episode_of_care e JOIN patient p ON p.id = e.patient_id WHERE e.id = ?")
                .setParameter(1, flag.getEpisodeId()).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] c = (Object[]) r;
            return new PatientContact((String) c[0], (String) c[1], (String) c[2]);
        });
    }

    /** Open URGENT flags raised at or before this instant and not acknowledged are overdue now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OffsetDateTime overdueIfRaisedBefore() {
        return now().minusMinutes(ackMinutes);
    }

    /**
     * Sends each overdue URGENT flag once more, to the on-call fallback address, through the outbox.
     * One statement claims them all: the {@code urgent_flag_resend} row of a flag exists once, so a
     * second run, or a second instance at the same moment, sends nothing again. Answers how many
     * flags were overdue for the first time.
     */
    public int resendOverdue() {
        OffsetDateTime now = now();
        String to = fallback.map(String::strip).filter(f -> !f.isEmpty()).orElse(null);
        List<?> claimed = em.createNativeQuery("INSERT INTO urgent_flag_resend (flag_id, sent_at, sent_to)"
                        + " SELECT f.id, ?, ? FROM escalation_flag f WHERE f.priority = 'URGENT' AND f.status = 'OPEN' AND f.raised_at <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM flag_acknowledgement a WHERE a.flag_id = f.id AND a.voided_at IS NULL"
                        + " AND a.method <> 'NO_ANSWER')"
                        + " ON CONFLICT (flag_id) DO NOTHING RETURNING flag_id")
                .setParameter(1, now).setParameter(2, to).setParameter(3, now.minusMinutes(ackMinutes)).getResultList();
        for (Object id : claimed) {
            long flagId = ((Number) id).longValue();
            EscalationFlag flag = em.find(EscalationFlag.class, flagId);
            Object[] patient = (Object[]) em.createNativeQuery("SELECT p.id, p.mrn FROM episode_of_care e JOIN patient p ON p.id = e.patient_id"
                    + " WHERE e.id = ?").setParameter(1, flag.getEpisodeId()).getSingleResult();
            String mrn = (String) patient[1];
            if (to == null) {
                LOG.warning("URGENT flag " + flagId + " is overdue for acknowledgement and clinic.notify.urgent-fallback is not set;"
                        + " it is shown as overdue on the worklist only");
            } else {
                String rule = ClinicWords.of("rule", flag.getRule()).toLowerCase();
                outbox.queue(to, "OVERDUE URGENT: " + rule + " for patient " + mrn + ", nobody has reached the patient",
                        "An URGENT flag (" + rule + ") raised at " + flag.getRaisedAt().atZoneSameInstant(clock.getZone()).toLocalDateTime().withNano(0)
                                + " for the patient with medical record number " + mrn + " has not been acknowledged within "
                                + ackMinutes + " minutes: nobody of the care team has recorded reaching the patient.\n\n"
                                + "Please contact the patient now and record the contact on the flag: "
                                + publicUrl.replaceAll("/$", "") + "/physician/flag.xhtml?id=" + flagId
                                + "\n\nThis message carries no clinical detail; the evidence and the patient's phone number are in Spine Pathway.\n",
                        flagId);
            }
            audit.record(AuditAction.UPDATE, ((Number) patient[0]).longValue(), "EscalationFlag", flagId,
                    "URGENT flag not acknowledged within " + ackMinutes + " minutes; sent again to " + (to == null ? "nobody (no fallback set)" : to));
        }
        return claimed.size();
    }

    /**
     * The care team: the episode's physiotherapist (any physiotherapist while none is assigned) and
     * the physicians, who share the worklist and the on-call duty.
     */
    private void requireCareTeam(EpisodeOfCare episode) {
        if (securityContext.isCallerInRole(Role.PHYSICIAN_NAME) || episode.getPhysioId() == null) {
            return;
        }
        long me = accounts.findByUsername(securityContext.getCallerPrincipal().getName()).map(UserAccount::getId).orElse(-1L);
        if (me != episode.getPhysioId()) {
            // Another team's flag reads as one that does not exist (its id says nothing).
            throw new NotFoundException(FlagDecisions.NO_SUCH_FLAG);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
