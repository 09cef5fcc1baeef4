package org.spinepathway.care.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.spinepathway.care.boundary.AssessmentDrafts;
import org.spinepathway.care.boundary.CheckInSchedule;
import org.spinepathway.care.boundary.CareRequests;
import org.spinepathway.care.boundary.CareService;
import org.spinepathway.care.boundary.CareService.EpisodeChart;
import org.spinepathway.care.control.AssessmentDraftJson;
import org.spinepathway.care.entity.PainMedication;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.care.entity.WorkStatus;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.patient.boundary.PatientService;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotAllowedException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.security.entity.Role;

/**
 * A physiotherapist's visit ({@code /physio/visit.xhtml?episode=}) or a patient's weekly check-in
 * ({@code /patient/check-in.xhtml?episode=}): pain, the ODI or NDI the intake used, red-flag
 * answers, and for a visit the MRC grades of the region's myotomes, adherence and notes. Every
 * change is saved as a draft, so a timeout or a closed tab loses nothing.
 */
@Named
@ViewScoped
public class AssessmentPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AssessmentPage.class.getName());

    /** Cancer history and the accident that started the pain are intake history, not weekly questions. */
    private static final List<RedFlag> FOLLOW_UP_RED_FLAGS = Arrays.stream(RedFlag.values())
            .filter(f -> f != RedFlag.CANCER_HISTORY && f != RedFlag.MAJOR_TRAUMA).toList();

    @Inject
    CareService care;

    @Inject
    AssessmentDrafts drafts;

    @Inject
    PatientService patients;

    @Inject
    SecurityContext securityContext;

    @Inject
    CheckInSchedule checkInSchedule;

    @Inject
    Clock clock;

    private Long episode;
    private EpisodeChart chart;
    private Patient patient;
    private boolean byPatient;

    private LocalDate date;
    private Integer nrs;
    private final List<Integer> disabilityAnswers = new ArrayList<>(Arrays.asList(new Integer[10]));
    private final Map<String, Integer> motor = new LinkedHashMap<>();
    private final Map<String, Boolean> redFlags = new LinkedHashMap<>();
    private String adherence;
    private String notes;
    private String workStatus;
    private String painMedication;
    /** Inside an outcome time point's window: the check-in also asks ICHOM's work-status and pain-medication items. */
    private boolean outcomeQuestions;
    /** Opened by a follow-up check-in link: the page does this check-in only (no link to anything else). */
    private boolean taskLink;

    private boolean recorded;
    private BigDecimal recordedScore;
    private List<EscalationFlag> raised = List.of();
    private boolean emergency;

    public void load() {
        if (episode == null) {
            return;
        }
        byPatient = securityContext.isCallerInRole(Role.PATIENT_NAME);
        try {
            chart = care.chart(episode);
            patient = patients.requireAccess(chart.episode().getPatientId());
        } catch (NotFoundException unknown) {
            chart = null;
            return;
        }
        date = LocalDate.now(clock);
        outcomeQuestions = chart.plan() != null
                && checkInSchedule.schedule().asksOutcomeQuestionsOn(chart.plan().getStartDate(), LocalDate.now(clock));
        drafts.find(episode).ifPresent(this::restore);
    }

    /** The check-in a follow-up link opened: the episode comes from the link, never from the address. */
    public void loadForTaskLink(long episodeId) {
        episode = episodeId;
        taskLink = true;
        load();
    }

    /** Called on every change: keeps what was entered so far. */
    public void autosave() {
        if (chart != null && !recorded) {
            drafts.save(episode, draftJson(), byPatient ? redFlagsYes() : List.of());
        }
    }

    public void record() {
        FacesContext context = FacesContext.getCurrentInstance();
        List<CareRequests.Motor> grades = new ArrayList<>();
        motor.forEach((key, grade) -> {
            if (grade != null) {
                String[] myotomeSide = key.split(":");
                grades.add(new CareRequests.Motor(myotomeSide[0], myotomeSide[1], grade));
            }
        });
        Map<String, Boolean> answered = new LinkedHashMap<>();
        redFlags.forEach((code, yes) -> {
            if (yes != null) {
                answered.put(code, yes);
            }
        });
        boolean anyDisability = disabilityAnswers.stream().anyMatch(Objects::nonNull);
        try {
            CareService.AssessmentResult result = care.recordAssessment(episode, new CareRequests.Assessment(
                    byPatient ? LocalDate.now(clock) : date, byPatient ? "PATIENT" : "CLINICIAN", nrs,
                    anyDisability ? new CareRequests.Disability(getInstrument(), new ArrayList<>(disabilityAnswers)) : null,
                    byPatient ? List.of() : grades, answered.isEmpty() ? null : answered, byPatient ? null : adherence,
                    byPatient || notes == null || notes.isBlank() ? null : notes,
                    outcomeQuestions ? workStatus : null, outcomeQuestions ? painMedication : null));
            drafts.discard(episode);
            recorded = true;
            recordedScore = result.disabilityScore();
            raised = result.flags();
            emergency = answered.entrySet().stream().anyMatch(e -> e.getValue()
                    && RedFlag.ofCode(e.getKey()).map(RedFlag::isEmergency).orElse(false));
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, this::inputOf);
        } catch (ConflictException | NotAllowedException conflict) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, conflict.getMessage());
        }
    }

    /** Starts again after recording: a clinician may record a second visit from the same page. */
    public void another() {
        recorded = false;
        nrs = null;
        for (int i = 0; i < 10; i++) {
            disabilityAnswers.set(i, null);
        }
        motor.replaceAll((k, v) -> null);
        redFlags.replaceAll((k, v) -> null);
        adherence = null;
        notes = null;
        workStatus = null;
        painMedication = null;
        date = LocalDate.now(clock);
        raised = List.of();
        emergency = false;
    }

    private List<String> redFlagsYes() {
        return redFlags.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey).toList();
    }

    private String inputOf(String field) {
        if (field.startsWith("disability.answers[")) {
            return "assessment:disabilityAnswers:" + field.replaceAll("\\D", "") + ":answer";
        }
        if (field.startsWith("motor")) {
            return "assessment:motorMessage";
        }
        return switch (field) {
            case "date", "nrs", "adherence", "notes", "workStatus", "painMedication" -> "assessment:" + field;
            default -> null;
        };
    }

    private String draftJson() {
        return AssessmentDraftJson.write(new AssessmentDraftJson.Draft(date, nrs, disabilityAnswers, motor, redFlags, adherence, notes,
                workStatus, painMedication));
    }

    /** The draft, whole; a damaged one is not shown half-read: the form starts empty, and the log says so. */
    private void restore(String json) {
        AssessmentDraftJson.read(json, Set.copyOf(getMotorKeys())).ifPresentOrElse(d -> {
            if (!byPatient && d.date() != null) {
                date = d.date();
            }
            nrs = d.nrs();
            for (int i = 0; i < 10; i++) {
                disabilityAnswers.set(i, d.disability().get(i));
            }
            motor.putAll(d.motor());
            redFlags.putAll(d.redFlags());
            adherence = d.adherence();
            notes = d.notes();
            workStatus = d.workStatus();
            painMedication = d.painMedication();
        }, () -> LOG.warning("The draft of episode " + episode + " could not be read; its form starts empty"));
    }

    /** The myotomes graded for this region, C5–T1 for the neck, L2–S1 for the lower back. */
    public List<String> getMyotomes() {
        if (chart == null) {
            return List.of();
        }
        return switch (chart.episode().getRegion()) {
            case CERVICAL -> List.of("C5", "C6", "C7", "C8", "T1");
            case LUMBAR -> List.of("L2", "L3", "L4", "L5", "S1");
            case THORACIC -> List.of();
        };
    }

    private List<String> getMotorKeys() {
        return getMyotomes().stream().flatMap(m -> java.util.stream.Stream.of(m + ":LEFT", m + ":RIGHT")).toList();
    }

    public String getInstrument() {
        return (chart != null ? chart.episode().getRegion() : SpineRegion.LUMBAR).instrument().name();
    }

    public String getInstrumentKey() {
        return getInstrument().toLowerCase();
    }

    public List<RedFlag> getRedFlagQuestions() { return FOLLOW_UP_RED_FLAGS; }
    public List<Integer> getScale() { return List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10); }
    public List<Integer> getGrades() { return List.of(0, 1, 2, 3, 4, 5); }
    public List<Integer> getSections() { return List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9); }
    public List<Integer> getStatements() { return List.of(0, 1, 2, 3, 4, 5); }
    public List<String> getAdherenceLevels() { return List.of("FULL", "PARTIAL", "NONE"); }
    public List<WorkStatus> getWorkStatuses() { return List.of(WorkStatus.values()); }
    public List<PainMedication> getPainMedications() { return List.of(PainMedication.values()); }
    public boolean isOutcomeQuestions() { return outcomeQuestions; }
    public boolean isTaskLink() { return taskLink; }
    public String getWorkStatus() { return workStatus; }
    public void setWorkStatus(String workStatus) { this.workStatus = workStatus; }
    public String getPainMedication() { return painMedication; }
    public void setPainMedication(String painMedication) { this.painMedication = painMedication; }
    public boolean isUrgentRaised() { return raised.stream().anyMatch(f -> f.getPriority().name().equals("URGENT")); }

    public Long getEpisode() { return episode; }
    public void setEpisode(Long episode) { this.episode = episode; }
    public EpisodeChart getChart() { return chart; }
    public Patient getPatient() { return patient; }
    public boolean isByPatient() { return byPatient; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public Integer getNrs() { return nrs; }
    public void setNrs(Integer nrs) { this.nrs = nrs; }
    public List<Integer> getDisabilityAnswers() { return disabilityAnswers; }
    public Map<String, Integer> getMotor() { return motor; }
    public Map<String, Boolean> getRedFlags() { return redFlags; }
    public String getAdherence() { return adherence; }
    public void setAdherence(String adherence) { this.adherence = adherence; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public boolean isRecorded() { return recorded; }
    public BigDecimal getRecordedScore() { return recordedScore; }
    public List<EscalationFlag> getRaised() { return raised; }
    public boolean isEmergency() { return emergency; }
}
