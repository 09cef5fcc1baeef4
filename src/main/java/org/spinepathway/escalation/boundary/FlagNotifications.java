package org.spinepathway.escalation.boundary;

import java.time.LocalDate;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.patient.control.PatientRepository;
import org.spinepathway.platform.control.ClinicWords;
import org.spinepathway.platform.control.MailOutbox;
import org.spinepathway.security.control.UserAccountRepository;
import org.spinepathway.security.entity.UserAccount;

/**
 * Tells the episode's physician of a new URGENT flag by email, through the outbox. The message
 * carries the medical record number and the rule, not clinical detail: email is not the record.
 * Without an assigned physician with an email address it goes to {@code clinic.notify.urgent-fallback}.
 */
@ApplicationScoped
public class FlagNotifications {

    private static final Logger LOG = Logger.getLogger(FlagNotifications.class.getName());

    @Inject
    MailOutbox outbox;

    @Inject
    UserAccountRepository accounts;

    @Inject
    PatientRepository patients;

    @Inject
    @ConfigProperty(name = "clinic.notify.urgent-fallback")
    Optional<String> fallback;

    @Inject
    @ConfigProperty(name = "clinic.public-url")
    String publicUrl;

    /** An email ready for the outbox. */
    public record Message(String recipient, String subject, String body, long flagId) {
    }

    /** Queued in the raising transaction: the email exists exactly when the flag does. */
    public void urgentFlagRaised(EpisodeOfCare episode, EscalationFlag flag) {
        String physicianEmail = episode.getPhysicianId() == null ? null
                : accounts.find(episode.getPhysicianId()).map(UserAccount::getEmail).orElse(null);
        String mrn = patients.find(episode.getPatientId()).map(p -> p.getMrn()).orElse("?");
        urgentMessage(physicianEmail, mrn, flag.getRule(), flag.getRaisedOn(), flag.getId(), episode.getId())
                .ifPresent(m -> outbox.queue(m.recipient(), m.subject(), m.body(), m.flagId()));
    }

    /** The message for a new URGENT flag: to the physician, else the fallback; empty when there is neither. */
    public Optional<Message> urgentMessage(String physicianEmail, String mrn, FlagRule flagRule, LocalDate raisedOn, long flagId, long episodeId) {
        String recipient = physicianEmail != null && !physicianEmail.isBlank() ? physicianEmail : fallback.map(String::strip).filter(f -> !f.isEmpty()).orElse(null);
        if (recipient == null) {
            LOG.warning("URGENT flag " + flagId + " on episode " + episodeId
                    + ": no physician email and no clinic.notify.urgent-fallback; it is on the worklist only");
            return Optional.empty();
        }
        String rule = ClinicWords.of("rule", flagRule).toLowerCase();
        return Optional.of(new Message(recipient, "URGENT: " + rule + " for patient " + mrn,
                "An URGENT flag (" + rule + ") was raised on " + raisedOn + " for the patient with medical record number "
                        + mrn + ".\n\nOpen it on the worklist: " + publicUrl.replaceAll("/$", "") + "/physician/flag.xhtml?id=" + flagId
                        + "\n\nThis message carries no clinical detail; the evidence is in Spine Pathway.\n", flagId));
    }
}
