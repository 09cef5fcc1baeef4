package org.spinepathway.care.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.spinepathway.care.boundary.CareService;
import org.spinepathway.care.boundary.CareService.EpisodeChart;
import org.spinepathway.care.boundary.InterventionText;
import org.spinepathway.care.control.MotorGradeTable;
import org.spinepathway.care.control.ProgressChart;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.InterventionType;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.patient.boundary.PatientService;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotAllowedException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.entity.UserAccount;

/**
 * The progress of an episode: pain and ODI/NDI against the baseline with the band of the minimal
 * clinically important change, and the intervention periods. For the physiotherapist and the
 * physician ({@code /physio/progress.xhtml}) and the patient's own ({@code /patient/progress.xhtml});
 * the service decides who may see which episode, and audits the read.
 */
@Named
@ViewScoped
public class ProgressPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CareService care;

    @Inject
    PatientService patients;

    @Inject
    AccountService accounts;

    @Inject
    InterventionText interventionText;

    @Inject
    Clock clock;

    private Long episode;
    private EpisodeChart chart;
    private Patient patient;
    private ProgressChart progress;
    private MotorGradeTable motorGrades;
    private final Map<Long, String> notes = new HashMap<>();
    private String physioName;
    private String physicianName;
    private final Map<Long, String> voidReasons = new HashMap<>();

    public void load() {
        if (episode == null) {
            return;
        }
        try {
            chart = care.chart(episode);
            patient = patients.requireAccess(chart.episode().getPatientId());
        } catch (NotFoundException unknown) {
            chart = null;
            return;
        }
        EpisodeOfCare e = chart.episode();
        LocalDate careStart = chart.plan() != null ? chart.plan().getStartDate() : e.getOpenedOn();
        progress = new ProgressChart(careStart, LocalDate.now(clock), e.getBaselineNrs(), e.getBaselineDisability(),
                e.getRegion().instrument().name(),
                chart.assessments().stream().map(a -> new ProgressChart.Point(a.getId(), a.getAssessedOn(), a.getNrs(), a.getDisabilityScore(),
                        "PATIENT".equals(a.getSource()))).toList(),
                chart.interventions().stream().map(i -> new ProgressChart.Period(interventionText.label(i),
                        i.getType() == InterventionType.INJECTION && i.getGivenOn() != null ? i.getGivenOn() : i.getStartDate(),
                        i.getType() == InterventionType.INJECTION && i.getGivenOn() != null ? i.getGivenOn() : i.getEndDate(),
                        i.getStatus().name().equals("STOPPED"))).toList());
        motorGrades = MotorGradeTable.ofVisits(chart.assessments());
        notes.clear();
        chart.assessments().stream().filter(a -> a.getNotes() != null && !a.getNotes().isBlank()).forEach(a -> notes.put(a.getId(), a.getNotes()));
        physioName = nameOf(e.getPhysioId());
        physicianName = nameOf(e.getPhysicianId());
    }

    /** A measurement recorded in error leaves the chart with a reason; it stays on record. */
    public void voidAssessment(long assessmentId) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            care.voidAssessment(episode, assessmentId, voidReasons.get(assessmentId));
            voidReasons.remove(assessmentId);
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.text(context, "progress.voided"));
            load();
        } catch (InvalidInputException | ConflictException | NotAllowedException | NotFoundException refused) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage().replaceFirst("^reason: ", ""));
        }
    }

    private String nameOf(Long accountId) {
        return accountId == null ? null : accounts.find(accountId).map(UserAccount::getDisplayName).orElse(null);
    }

    public Long getEpisode() { return episode; }
    public void setEpisode(Long episode) { this.episode = episode; }
    public EpisodeChart getChart() { return chart; }
    public Patient getPatient() { return patient; }
    public ProgressChart getProgress() { return progress; }
    public MotorGradeTable getMotorGrades() { return motorGrades; }
    /** The notes recorded with each assessment, by its id; assessments without notes are absent. */
    public Map<Long, String> getNotes() { return notes; }
    public String getPhysioName() { return physioName; }
    public String getPhysicianName() { return physicianName; }
    public Map<Long, String> getVoidReasons() { return voidReasons; }
}
