package org.spinepathway.intake.web;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.spinepathway.intake.boundary.IntakeService;
import org.spinepathway.intake.boundary.IntakeService.IntakeView;
import org.spinepathway.intake.control.DisabilityScore;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.patient.boundary.PatientService;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.care.boundary.EpisodeService;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotAllowedException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/**
 * {@code /physio/intake.xhtml?id=}: one submitted intake on one page, for staff. Opening it is
 * audited. From here a physiotherapist opens the episode for care and assigns who looks after it.
 */
@Named
@ViewScoped
public class IntakeSummaryPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IntakeService intakes;

    @Inject
    PatientService patients;

    @Inject
    EpisodeService episodes;

    @Inject
    AccountService accounts;

    private Long id;
    private IntakeView view;
    private Patient patient;
    private List<UserAccount> physios = List.of();
    private List<UserAccount> physicians = List.of();
    private Long physioId;
    private Long physicianId;

    public void load() {
        if (id == null) {
            return;
        }
        try {
            view = intakes.read(id);
            patient = patients.requireAccess(view.episode().getPatientId());
        } catch (NotFoundException unknown) {
            view = null;
            return;
        }
        physios = accounts.colleagues(Role.PHYSIO);
        physicians = accounts.colleagues(Role.PHYSICIAN);
        String me = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        physioId = physios.stream().filter(a -> a.getUsername().equals(me)).map(UserAccount::getId).findFirst().orElse(null);
    }

    /** Takes the episode into care with this intake's measures as its baseline, then on to the plan. */
    public String openForCare() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            episodes.openForCare(view.episode().getId(), physioId, physicianId);
            return "/physio/plan?faces-redirect=true&episode=" + view.episode().getId();
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, field -> "openForCare:" + field);
        } catch (ConflictException | NotAllowedException refused) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
        return null;
    }

    public List<PainMap.Part> getPainMap() {
        return PainMap.of(view.answers());
    }

    public List<RedFlag> getRedFlags() {
        return view.answers().redFlagsYes();
    }

    public DisabilityScore getDisability() {
        return DisabilityScore.of(view.answers().getDisabilityAnswers());
    }

    public List<UserAccount> getPhysios() { return physios; }
    public List<UserAccount> getPhysicians() { return physicians; }
    public Long getPhysioId() { return physioId; }
    public void setPhysioId(Long physioId) { this.physioId = physioId; }
    public Long getPhysicianId() { return physicianId; }
    public void setPhysicianId(Long physicianId) { this.physicianId = physicianId; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public IntakeView getView() { return view; }
    public Patient getPatient() { return patient; }
}
