package org.spinepathway.intake.web;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.spinepathway.intake.boundary.IntakeService;
import org.spinepathway.intake.boundary.IntakeService.IntakeView;
import org.spinepathway.intake.control.DisabilityScore;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.patient.boundary.PatientService;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.platform.control.NotFoundException;

/** {@code /physio/intake.xhtml?id=}: one submitted intake on one page, for staff. Opening it is audited. */
@Named
@ViewScoped
public class IntakeSummaryPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IntakeService intakes;

    @Inject
    PatientService patients;

    private Long id;
    private IntakeView view;
    private Patient patient;

    public void load() {
        if (id == null) {
            return;
        }
        try {
            view = intakes.read(id);
            patient = patients.requireAccess(view.episode().getPatientId());
        } catch (NotFoundException unknown) {
            view = null;
        }
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

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public IntakeView getView() { return view; }
    public Patient getPatient() { return patient; }
}
