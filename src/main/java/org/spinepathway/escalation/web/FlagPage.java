package org.spinepathway.escalation.web;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.spinepathway.care.boundary.CareService;
import org.spinepathway.care.web.ProgressPage;
import org.spinepathway.escalation.boundary.FlagDecisions;
import org.spinepathway.escalation.boundary.ReferralLetters;
import org.spinepathway.escalation.boundary.UrgentContacts;
import org.spinepathway.escalation.entity.ContactMethod;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagStatus;
import org.spinepathway.escalation.entity.Referral;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotAllowedException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.platform.control.Acting;
import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.entity.AuditEvent;
import org.spinepathway.security.entity.UserAccount;

/**
 * {@code /physician/flag.xhtml?id=}: one flag with its evidence, the episode's progress chart, the
 * plan and its history, and the decision: refer, continue conservative care (recheck date) or
 * dismiss (reason). A referred flag offers its letter for download.
 */
@Named
@ViewScoped
public class FlagPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FlagDecisions decisions;

    @Inject
    CareService care;

    @Inject
    ProgressPage progress;

    @Inject
    UrgentContacts contacts;

    @Inject
    ReferralLetters letters;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    private Long id;
    private EscalationFlag flag;
    private String explanation;
    private String deciderName;
    private List<AuditEvent> history = List.of();

    private UrgentContacts.Status contact;
    private String phone;
    private String emergencyContactName;
    private String emergencyContactPhone;
    private LocalDateTime contactedAt;
    private String contactMethod;
    private String contactNote;

    private String decision;
    private String reason;
    private LocalDate recheckOn;
    private String referTo;

    public void load() {
        if (id == null) {
            return;
        }
        try {
            flag = decisions.require(id);
        } catch (NotFoundException unknown) {
            flag = null;
            return;
        }
        explanation = decisions.explanation(flag);
        deciderName = nameOf(flag.getDecidedBy());
        contact = contacts.statusOf(flag).orElse(null);
        if (contact != null) {
            contacts.patientContact(flag).ifPresent(c -> {
                phone = c.phone();
                emergencyContactName = c.emergencyContactName();
                emergencyContactPhone = c.emergencyContactPhone();
            });
        }
        if (contactedAt == null) {
            contactedAt = LocalDateTime.now(clock).withSecond(0).withNano(0);
        }
        progress.setEpisode(flag.getEpisodeId());
        progress.load();
        if (progress.getChart() != null && progress.getChart().plan() != null) {
            history = care.historyOf(progress.getChart().plan(), progress.getChart().interventions());
        }
        if (recheckOn == null) {
            recheckOn = LocalDate.now(clock).plusWeeks(4);
        }
    }

    public void decide() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            EscalationFlag decided = decisions.decide(id, decision, reason, "CONTINUE".equals(decision) ? recheckOn : null,
                    "REFER".equals(decision) ? referTo : null);
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, switch (decided.getStatus()) {
                case REFERRED -> Messages.text(context, "flag.decided.REFERRED");
                case CONTINUED -> Messages.format(context, "flag.decided.CONTINUED", decided.getRecheckOn().toString());
                default -> Messages.text(context, "flag.decided.DISMISSED");
            });
            reason = null;
            load();
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, field -> "decision:" + field);
        } catch (ConflictException | NotAllowedException refused) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage());
            load();
        }
    }

    /** The decider as colleagues know them: their display name, or the clinic's rules for the system. */
    private String nameOf(String username) {
        if (username == null) {
            return null;
        }
        if (Acting.SYSTEM.equals(username)) {
            return Messages.text(FacesContext.getCurrentInstance(), "flag.decidedBySystem");
        }
        return accounts.findByUsername(username).map(UserAccount::getDisplayName).orElse(username);
    }

    /** Records an attempt to reach the patient of this URGENT flag. */
    public void acknowledge() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            contacts.acknowledge(id, contactedAt == null ? null : contactedAt.atZone(clock.getZone()).toOffsetDateTime(),
                    contactMethod, contactNote);
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.text(context,
                    "NO_ANSWER".equals(contactMethod) ? "contact.recordedNoAnswer" : "contact.recorded"));
            contactMethod = null;
            contactNote = null;
            contactedAt = null;
            load();
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, field -> "contact:" + field);
        } catch (ConflictException | NotAllowedException refused) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
    }

    public List<ContactMethod> getContactMethods() {
        return List.of(ContactMethod.values());
    }

    /** Sends the referral letter as it was issued. */
    public void downloadLetter() throws IOException {
        Referral referral = decisions.referralOf(id);
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/pdf");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"referral-" + referral.getId() + ".pdf\"");
        byte[] pdf = referral.getLetterPdf();
        external.setResponseContentLength(pdf.length);
        external.getResponseOutputStream().write(pdf);
        faces.responseComplete();
    }

    public boolean isOpen() {
        return flag != null && flag.getStatus() == FlagStatus.OPEN;
    }

    public boolean isReferred() {
        return flag != null && flag.getStatus() == FlagStatus.REFERRED;
    }

    public List<String> getDecisions() {
        return List.of("REFER", "CONTINUE", "DISMISS");
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public EscalationFlag getFlag() { return flag; }
    public String getExplanation() { return explanation; }
    public String getDeciderName() { return deciderName; }
    public List<AuditEvent> getHistory() { return history; }
    public UrgentContacts.Status getContact() { return contact; }
    public String getReferTo() { return referTo; }
    public void setReferTo(String referTo) { this.referTo = referTo; }
    /** The receiving services offered at referral, the clinic's default first. */
    public List<String> getServices() { return letters.services(); }
    public String getPhone() { return phone; }
    public String getEmergencyContactName() { return emergencyContactName; }
    public String getEmergencyContactPhone() { return emergencyContactPhone; }
    public LocalDateTime getContactedAt() { return contactedAt; }
    public void setContactedAt(LocalDateTime contactedAt) { this.contactedAt = contactedAt; }
    public String getContactMethod() { return contactMethod; }
    public void setContactMethod(String contactMethod) { this.contactMethod = contactMethod; }
    public String getContactNote() { return contactNote; }
    public void setContactNote(String contactNote) { this.contactNote = contactNote; }
    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public LocalDate getRecheckOn() { return recheckOn; }
    public void setRecheckOn(LocalDate recheckOn) { this.recheckOn = recheckOn; }
}
