package org.spinepathway.patient.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.spinepathway.care.boundary.CheckInSchedule;
import org.spinepathway.care.boundary.EpisodeService;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.patient.boundary.ContactDetails;
import org.spinepathway.patient.boundary.PatientService;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotAllowedException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.EmailConfirmation;

/**
 * {@code /patient/home.xhtml}: the signed-in patient's own record and their intakes, and how the
 * clinic reaches them (their mobile number, an emergency contact), which they change here. Opening it
 * is audited.
 */
@Named
@ViewScoped
public class PatientHomePage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> CONTACT_INPUTS = Map.of(
            "phone", "contact:phone",
            "emergencyContact.name", "contact:emergencyContactName",
            "emergencyContact.phone", "contact:emergencyContactPhone");

    @Inject
    PatientService patients;

    @Inject
    EpisodeService episodes;

    @Inject
    EmailConfirmation emailConfirmation;

    @Inject
    CheckInSchedule checkIns;

    private List<CheckInSchedule.OpenCheckIn> due;

    private Patient patient;
    private List<EpisodeOfCare> complaints;

    // The contact form, and the version of the record it was filled from
    private String phone;
    private String emergencyContactName;
    private String emergencyContactPhone;
    private int version;

    @PostConstruct
    void load() {
        patient = patients.readOwn().orElse(null);
        complaints = episodes.ofSignedInPatient();
        due = checkIns.dueToday(complaints);
        fillContactForm();
    }

    public void saveContactDetails() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            patient = patients.updateOwnContactDetails(version, ContactDetails.of(phone, emergencyContactName, emergencyContactPhone));
            fillContactForm();
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.text(context, "patientHome.contactSaved"));
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, CONTACT_INPUTS);
        } catch (ConflictException | NotAllowedException refused) {
            // What was typed stays in the form; nothing was stored.
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage());
            context.validationFailed();
        }
    }

    /** Stops or starts the follow-up e-mails: one click. */
    public void toggleFollowUpEmails() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            boolean wanted = patient.isFollowUpEmailsStopped();
            patient = patients.setOwnFollowUpEmails(wanted);
            fillContactForm();
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO,
                    Messages.text(context, wanted ? "patientHome.followUpEmails.started" : "patientHome.followUpEmails.stopped"));
        } catch (NotAllowedException refused) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
    }

    /** "Friday 12 March": a day as the patient reads it. */
    public String day(LocalDate date) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK).format(date);
    }

    /** The check-ins the patient can answer now, each with the last day. */
    public List<CheckInSchedule.OpenCheckIn> getDue() {
        return due;
    }

    public boolean isEmailConfirmed() {
        return emailConfirmation.callerConfirmed();
    }

    public void sendConfirmationAgain() {
        emailConfirmation.sendCallerLinkAgain();
        FacesContext context = FacesContext.getCurrentInstance();
        FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.text(context, "patientHome.confirmEmail.sent"));
    }

    private void fillContactForm() {
        if (patient != null) {
            phone = patient.getPhone();
            emergencyContactName = patient.getEmergencyContactName();
            emergencyContactPhone = patient.getEmergencyContactPhone();
            version = patient.getVersion();
        }
    }

    /** The patient's complaints (episodes), newest first, each with its intake. */
    public List<EpisodeOfCare> getComplaints() {
        return complaints;
    }

    public Patient getPatient() {
        return patient;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmergencyContactName() {
        return emergencyContactName;
    }

    public void setEmergencyContactName(String emergencyContactName) {
        this.emergencyContactName = emergencyContactName;
    }

    public String getEmergencyContactPhone() {
        return emergencyContactPhone;
    }

    public void setEmergencyContactPhone(String emergencyContactPhone) {
        this.emergencyContactPhone = emergencyContactPhone;
    }
}
