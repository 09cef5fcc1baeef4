package org.spinepathway.escalation.boundary;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.patient.control.PatientRepository;
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
    @ConfigProperty(name = "clinic.notify.urgent-fallback", defaultValue = " ")
    String fallback;

    @Inject
    @ConfigProperty(name = "clinic.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Queued in the raising transaction: the email exists exactly when the flag does. */
    public void urgentFlagRaised(EpisodeOfCare episode, EscalationFlag flag) {
        String recipient = episode.getPhysicianId() == null ? null
                : accounts.find(episode.getPhysicianId()).map(UserAccount::getEmail).filter(e -> !e.isBlank()).orElse(null);
        if (recipient == null) {
            recipient = fallback.isBlank() ? null : fallback.strip();
        }
        if (recipient == null) {
            LOG.warning("URGENT flag " + flag.getId() + " on episode " + episode.getId()
                    + ": no physician email and no clinic.notify.urgent-fallback; it is on the worklist only");
            return;
        }
        String mrn = patients.find(episode.getPatientId()).map(p -> p.getMrn()).orElse("?");
        String rule = flag.getRule().name().replace('_', ' ').toLowerCase();
        outbox.queue(recipient, "URGENT: " + rule + " for patient " + mrn,
                "An URGENT flag (" + rule + ") was raised on " + flag.getRaisedOn() + " for the patient with medical record number "
                        + mrn + ".\n\nOpen it on the worklist: " + publicUrl.replaceAll("/$", "") + "/physician/flag.xhtml?id=" + flag.getId()
                        + "\n\nThis message carries no clinical detail; the evidence is in Spine Pathway.\n", flag.getId());
    }
}
