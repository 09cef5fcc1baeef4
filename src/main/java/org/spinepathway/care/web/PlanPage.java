package org.spinepathway.care.web;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObjectBuilder;

import org.spinepathway.care.boundary.CareRequests;
import org.spinepathway.care.boundary.EpisodeService;
import org.spinepathway.care.boundary.CareService;
import org.spinepathway.care.boundary.CareService.EpisodeChart;
import org.spinepathway.care.entity.Intervention;
import org.spinepathway.intake.boundary.IntakeService;
import org.spinepathway.patient.boundary.ContactDetails;
import org.spinepathway.patient.boundary.PatientService;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotAllowedException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.entity.AuditEvent;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/**
 * {@code /physio/plan.xhtml?episode=}: the physiotherapist's treatment plan, and how to reach the
 * patient (their phone, an emergency contact), which the care team corrects here. Every save carries
 * the version the page was opened at: if a colleague saved first, the page says who and when, keeps
 * what was typed, and overwrites nothing.
 */
@Named
@ViewScoped
public class PlanPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> TREMOR_DRUGS = Set.of("OPIOID", "MUSCLE_RELAXANT");

    @Inject
    CareService care;

    @Inject
    IntakeService intakes;

    @Inject
    PatientService patients;

    @Inject
    EpisodeService episodes;

    @Inject
    AccountService accounts;

    @Inject
    Clock clock;

    private Long episode;
    private EpisodeChart chart;
    private Patient patient;
    private List<AuditEvent> history = List.of();
    private int planVersion;
    private List<UserAccount> physios = List.of();
    private List<UserAccount> physicians = List.of();
    private Long physioId;
    private Long physicianId;
    private String emergencyReason;

    // How to reach the patient, and the version of the patient's record it was filled from
    private String phone;
    private String emergencyContactName;
    private String emergencyContactPhone;
    private int patientVersion;

    // The plan form
    private String goals;
    private LocalDate startDate;
    private LocalDate reviewDate;

    // Stopping: a reason per intervention, and the version each was read at
    private final Map<Long, String> stopReasons = new HashMap<>();
    private final Map<Long, Integer> interventionVersions = new HashMap<>();

    // The new-intervention form
    private String type = "PHYSICAL_THERAPY";
    private LocalDate newStart;
    private LocalDate newEnd;
    private String newStatus = "ACTIVE";
    private String programme;
    private Integer sessionsPerWeek;
    private String drug;
    private String dose;
    private String frequency;
    private String drugClass;
    private String injectionKind;
    private String level;
    private LocalDate givenOn;
    private String instructions;
    private Integer sessions;

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
        if (chart.plan() != null) {
            planVersion = chart.plan().getVersion();
            goals = chart.plan().getGoals();
            reviewDate = chart.plan().getReviewDate();
            history = care.historyOf(chart.plan(), chart.interventions());
        } else {
            startDate = LocalDate.now(clock);
            reviewDate = startDate.plusWeeks(6);
        }
        phone = patient.getPhone();
        emergencyContactName = patient.getEmergencyContactName();
        emergencyContactPhone = patient.getEmergencyContactPhone();
        patientVersion = patient.getVersion();
        physios = accounts.colleagues(Role.PHYSIO);
        physicians = accounts.colleagues(Role.PHYSICIAN);
        physioId = chart.episode().getPhysioId();
        physicianId = chart.episode().getPhysicianId();
        interventionVersions.clear();
        chart.interventions().forEach(i -> interventionVersions.put(i.getId(), i.getVersion()));
        newStart = LocalDate.now(clock);
    }

    /** A physiotherapist reading an episode in another's care, without emergency access: they may read, not change. */
    public boolean isOutsideCareTeam() {
        return chart != null && currentUserIsPhysio() && !episodes.mayChange(chart.episode());
    }

    /** A physiotherapist changing an episode in another's care under emergency access. */
    public boolean isUnderEmergencyAccess() {
        return chart != null && currentUserIsPhysio() && chart.episode().getPhysioId() != null
                && !episodes.isInCallersCare(chart.episode()) && episodes.mayChange(chart.episode());
    }

    /** The name of the physiotherapist whose care the episode is in. */
    public String getCarerName() {
        Long carer = chart == null ? null : chart.episode().getPhysioId();
        return carer == null ? "" : accounts.find(carer).map(UserAccount::getDisplayName).orElse("");
    }

    public int getEmergencyAccessHours() {
        return episodes.getEmergencyAccessHours();
    }

    /** "Break-glass": opens emergency access to this episode with the reason typed, then the page can change it. */
    public void openEmergencyAccess() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            episodes.openEmergencyAccess(episode, emergencyReason);
            emergencyReason = null;
            // The page then says so where the form was (the emergencyOpen notice).
            load();
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, field -> "emergency:" + field);
        } catch (ConflictException | NotAllowedException refused) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
    }

    private static boolean currentUserIsPhysio() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Role.PHYSIO_NAME);
    }

    public String getEmergencyReason() {
        return emergencyReason;
    }

    public void setEmergencyReason(String emergencyReason) {
        this.emergencyReason = emergencyReason;
    }

    public void createPlan() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            care.createPlan(episode, new CareRequests.Plan(startDate, reviewDate, goals, List.of()));
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.text(context, "plan.savedAndStarted"));
            load();
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, field -> "plan:" + field);
        } catch (ConflictException | NotAllowedException conflict) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, conflict.getMessage());
        }
    }

    /** Staff change how the clinic reaches the patient; messages go next to the fields or above the form. */
    public void saveContactDetails() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            patients.updateContactDetails(patient.getId(), patientVersion,
                    ContactDetails.of(phone, emergencyContactName, emergencyContactPhone));
            load();
            context.addMessage("contact", new FacesMessage(FacesMessage.SEVERITY_INFO, Messages.text(context, "plan.contactSaved"), null));
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, field -> switch (field) {
                case "phone" -> "contact:phone";
                case "emergencyContact.name" -> "contact:emergencyContactName";
                case "emergencyContact.phone" -> "contact:emergencyContactPhone";
                default -> "contact";
            });
        } catch (ConflictException | NotAllowedException | NotFoundException refused) {
            // What was typed stays in the form; nothing was stored.
            context.addMessage("contact", new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
            context.validationFailed();
        }
    }

    /** Hands the episode to another physiotherapist or physician. */
    public void assign() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            episodes.assign(episode, physioId, physicianId);
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.text(context, "plan.teamSaved"));
            load();
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, field -> "team:" + field);
        } catch (ConflictException | NotAllowedException refused) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage());
        }
    }

    public void savePlan() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            care.revisePlan(episode, planVersion, goals, reviewDate);
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.text(context, "plan.saved"));
            load();
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, field -> "plan:" + field);
        } catch (ConflictException | NotAllowedException stale) {
            // What was typed stays in the form, so nothing is lost; the colleague's version is kept.
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, stale.getMessage());
        }
    }

    public void stop(Intervention intervention) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            care.stopIntervention(episode, intervention.getId(), interventionVersions.getOrDefault(intervention.getId(), -1),
                    stopReasons.get(intervention.getId()));
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.text(context, "plan.interventionStopped"));
            stopReasons.remove(intervention.getId());
            load();
        } catch (InvalidInputException | ConflictException | NotAllowedException refused) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, refused.getMessage().replaceFirst("^stopReason: ", ""));
        }
    }

    public void addIntervention() {
        FacesContext context = FacesContext.getCurrentInstance();
        JsonObjectBuilder details = JSON.createObjectBuilder();
        // No type chosen: the service says so next to the type.
        switch (type == null ? "" : type) {
            case "PHYSICAL_THERAPY" -> {
                put(details, "programme", programme);
                if (sessionsPerWeek != null) {
                    details.add("sessionsPerWeek", sessionsPerWeek);
                }
            }
            case "MEDICATION" -> {
                put(details, "drug", drug);
                put(details, "dose", dose);
                put(details, "frequency", frequency);
                put(details, "drugClass", drugClass);
            }
            case "INJECTION" -> {
                put(details, "kind", injectionKind);
                put(details, "level", level);
                put(details, "givenOn", givenOn == null ? null : givenOn.toString());
            }
            case "MANIPULATION" -> {
                if (sessions != null) {
                    details.add("sessions", sessions);
                }
            }
            default -> put(details, "instructions", instructions);
        }
        try {
            care.addIntervention(episode, new CareRequests.Intervention(type, newStart, newEnd, newStatus, null, details.build()));
            FieldMessages.global(context, FacesMessage.SEVERITY_INFO, Messages.text(context, "plan.interventionAdded"));
            if ("MEDICATION".equals(type) && TREMOR_DRUGS.contains(drugClass) && reportedTremor()) {
                FieldMessages.global(context, FacesMessage.SEVERITY_WARN, Messages.text(context, "plan.tremorWarning"));
            }
            load();
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, field -> "add:" + field.substring(field.lastIndexOf('.') + 1).replace("kind", "injectionKind"));
        } catch (ConflictException | NotAllowedException conflict) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, conflict.getMessage());
        }
    }

    private boolean reportedTremor() {
        return intakes.open(episode).map(v -> !v.answers().getTremor().isEmpty()).orElse(false);
    }

    private static void put(JsonObjectBuilder details, String key, String value) {
        if (value != null && !value.isBlank()) {
            details.add(key, value.strip());
        }
    }

    public List<String> getTypes() { return List.of("PHYSICAL_THERAPY", "MEDICATION", "INJECTION", "REST", "HEAT_COLD", "MANIPULATION"); }
    public List<String> getStatuses() { return List.of("PLANNED", "ACTIVE", "COMPLETED"); }
    public List<String> getDrugClasses() { return List.of("PARACETAMOL", "NSAID", "OPIOID", "MUSCLE_RELAXANT", "NERVE_PAIN", "STEROID", "OTHER"); }
    public List<String> getInjectionKinds() { return List.of("EPIDURAL_STEROID", "NERVE_ROOT_BLOCK", "FACET"); }
    public boolean isStoppable(Intervention i) { return i.getStatus().name().equals("PLANNED") || i.getStatus().name().equals("ACTIVE"); }

    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmergencyContactName() { return emergencyContactName; }
    public void setEmergencyContactName(String emergencyContactName) { this.emergencyContactName = emergencyContactName; }
    public String getEmergencyContactPhone() { return emergencyContactPhone; }
    public void setEmergencyContactPhone(String emergencyContactPhone) { this.emergencyContactPhone = emergencyContactPhone; }
    public List<UserAccount> getPhysios() { return physios; }
    public List<UserAccount> getPhysicians() { return physicians; }
    public Long getPhysioId() { return physioId; }
    public void setPhysioId(Long physioId) { this.physioId = physioId; }
    public Long getPhysicianId() { return physicianId; }
    public void setPhysicianId(Long physicianId) { this.physicianId = physicianId; }
    public Long getEpisode() { return episode; }
    public void setEpisode(Long episode) { this.episode = episode; }
    public EpisodeChart getChart() { return chart; }
    public Patient getPatient() { return patient; }
    public List<AuditEvent> getHistory() { return history; }
    public Map<Long, String> getStopReasons() { return stopReasons; }
    public String getGoals() { return goals; }
    public void setGoals(String goals) { this.goals = goals; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getReviewDate() { return reviewDate; }
    public void setReviewDate(LocalDate reviewDate) { this.reviewDate = reviewDate; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public LocalDate getNewStart() { return newStart; }
    public void setNewStart(LocalDate newStart) { this.newStart = newStart; }
    public LocalDate getNewEnd() { return newEnd; }
    public void setNewEnd(LocalDate newEnd) { this.newEnd = newEnd; }
    public String getNewStatus() { return newStatus; }
    public void setNewStatus(String newStatus) { this.newStatus = newStatus; }
    public String getProgramme() { return programme; }
    public void setProgramme(String programme) { this.programme = programme; }
    public Integer getSessionsPerWeek() { return sessionsPerWeek; }
    public void setSessionsPerWeek(Integer sessionsPerWeek) { this.sessionsPerWeek = sessionsPerWeek; }
    public String getDrug() { return drug; }
    public void setDrug(String drug) { this.drug = drug; }
    public String getDose() { return dose; }
    public void setDose(String dose) { this.dose = dose; }
    public String getFrequency() { return frequency; }
    public void setFrequency(String frequency) { this.frequency = frequency; }
    public String getDrugClass() { return drugClass; }
    public void setDrugClass(String drugClass) { this.drugClass = drugClass; }
    public String getInjectionKind() { return injectionKind; }
    public void setInjectionKind(String injectionKind) { this.injectionKind = injectionKind; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public LocalDate getGivenOn() { return givenOn; }
    public void setGivenOn(LocalDate givenOn) { this.givenOn = givenOn; }
    public String getInstructions() { return instructions; }
    public void setInstructions(String instructions) { this.instructions = instructions; }
    public Integer getSessions() { return sessions; }
    public void setSessions(Integer sessions) { this.sessions = sessions; }
}
