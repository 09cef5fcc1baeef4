package org.spinepathway.care.boundary;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;

import org.spinepathway.care.control.CareCheck;
import org.spinepathway.care.control.CareRepository;
import org.spinepathway.care.entity.Assessment;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.Intervention;
import org.spinepathway.care.entity.InterventionStatus;
import org.spinepathway.care.entity.InterventionType;
import org.spinepathway.care.entity.MotorGrade;
import org.spinepathway.care.entity.PainMedication;
import org.spinepathway.care.entity.WorkStatus;
import org.spinepathway.care.entity.TreatmentPlan;
import org.spinepathway.escalation.boundary.EscalationService;
import org.spinepathway.escalation.control.MotorDeclineRule;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.intake.control.DisabilityScore;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.platform.control.Acting;
import org.spinepathway.platform.control.ClinicWords;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotAllowedException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;

/**
 * Conservative care in an episode: the treatment plan and its interventions, and the assessments
 * recorded by clinicians and patients. Recording an assessment raises RED_FLAG (any red-flag "yes")
 * and MOTOR_DECLINE (a clinician's grades) in the same transaction, as the rules require.
 */
@ApplicationScoped
@Transactional
public class CareService {

    private static final Set<String> RED_FLAG_CODES = Arrays.stream(RedFlag.values()).map(RedFlag::code).collect(Collectors.toSet());

    @Inject
    Acting acting;

    @Inject
    EpisodeService episodes;

    @Inject
    CareRepository care;

    @Inject
    AssessmentDrafts drafts;

    @Inject
    EscalationService escalation;

    @Inject
    org.spinepathway.escalation.control.EscalationThresholds thresholds;

    @Inject
    org.spinepathway.escalation.boundary.FlagDecisions decisions;

    @Inject
    AuditLog audit;

    @Inject
    SecurityContext securityContext;

    @Inject
    Clock clock;

    /** Opens conservative care: the plan (with any first interventions); the episode leaves INTAKE. */
    public TreatmentPlan createPlan(long episodeId, CareRequests.Plan request) {
        requirePhysio();
        EpisodeOfCare episode = episodes.requireForChange(episodeId);
        if (care.planOf(episodeId).isPresent()) {
            throw new ConflictException(null, "This episode has a treatment plan already; add interventions to it.");
        }
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        if (request.goals() == null || request.goals().isBlank()) {
            errors.add(new FieldError("goals", "Write the goals of the plan."));
        } else if (request.goals().length() > 2000) {
            errors.add(new FieldError("goals", "Please keep the goals to 2000 characters or fewer."));
        }
        if (request.startDate() == null) {
            errors.add(new FieldError("startDate", "Give the start date of care."));
        }
        if (request.reviewDate() == null) {
            errors.add(new FieldError("reviewDate", "Give the date the plan will be reviewed."));
        } else if (request.startDate() != null && request.reviewDate().isBefore(request.startDate())) {
            errors.add(new FieldError("reviewDate", "The review date cannot be before the start date."));
        }
        List<CareRequests.Intervention> interventions = request.interventions() == null ? List.of() : request.interventions();
        for (int i = 0; i < interventions.size(); i++) {
            CareRequests.Intervention r = interventions.get(i);
            if (r == null) {
                errors.add(new FieldError("interventions[" + i + "]", "Send each intervention as an object."));
                continue;
            }
            errors.addAll(CareCheck.intervention("interventions[" + i + "].", r.type(), r.startDate(), r.endDate(), r.status(),
                    r.stopReason(), r.details(), today));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        episodes.openByPlanWriter(episode);
        TreatmentPlan plan = care.add(new TreatmentPlan(episodeId, request.goals().strip(), request.startDate(), request.reviewDate()));
        interventions.forEach(r -> care.add(intervention(plan.getId(), r)));
        episode.startCare();
        audit.record(AuditAction.CREATE, episode.getPatientId(), "TreatmentPlan", plan.getId(),
                "care starts " + plan.getStartDate() + ", " + interventions.size() + " interventions");
        return plan;
    }

    public Intervention addIntervention(long episodeId, CareRequests.Intervention request) {
        requirePhysio();
        EpisodeOfCare episode = episodes.requireForChange(episodeId);
        TreatmentPlan plan = care.planOf(episodeId)
                .orElseThrow(() -> new ConflictException(null, "This episode has no treatment plan yet; create the plan first."));
        List<FieldError> errors = CareCheck.intervention("", request.type(), request.startDate(), request.endDate(), request.status(),
                request.stopReason(), request.details(), LocalDate.now(clock));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Intervention added = care.add(intervention(plan.getId(), request));
        audit.record(AuditAction.CREATE, episode.getPatientId(), "Intervention", added.getId(),
                ClinicWords.of("intervention", added.getType()) + ", " + ClinicWords.of("interventionStatus", added.getStatus()).toLowerCase());
        return added;
    }

    /** Records a clinician's visit or a patient's check-in, and raises the immediate rules' flags. */
    public AssessmentResult recordAssessment(long episodeId, CareRequests.Assessment request) {
        if (!securityContext.isCallerInRole(Role.PHYSIO_NAME) && !securityContext.isCallerInRole(Role.PATIENT_NAME)) {
            throw new NotAllowedException("Visits are recorded by the physiotherapist; check-ins by the patient.");
        }
        EpisodeOfCare episode = episodes.requireForChange(episodeId);
        boolean byPatient = securityContext.isCallerInRole(Role.PATIENT_NAME);
        List<Integer> answers = request.disability() == null ? null : request.disability().answers();
        List<String[]> motor = request.motor() == null ? List.of() : request.motor().stream()
                .map(m -> m == null ? new String[3] : new String[] {m.myotome(), m.side(), m.grade() == null ? null : m.grade().toString()})
                .toList();
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = CareCheck.assessment(request.date(), request.source(), byPatient, request.nrs(), answers,
                request.disability() == null ? null : request.disability().instrument(), episode.getRegion(), motor,
                request.redFlags(), RED_FLAG_CODES, request.adherence(), request.notes(), today);
        errors = new ArrayList<>(errors);
        errors.addAll(CareCheck.outcomeAnswers(request.workStatus(), request.painMedication()));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        DisabilityScore score = answers == null ? null : DisabilityScore.of(answers);
        List<String> redFlags = request.redFlags() == null ? List.of() : Arrays.stream(RedFlag.values())
                .filter(f -> Boolean.TRUE.equals(request.redFlags().get(f.code()))).map(RedFlag::code).toList();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        AssessmentDrafts.RaisedRedFlags raisedWhileDrafting = drafts.raised(episodeId);
        List<String> unflagged = redFlags.stream().filter(code -> !raisedWhileDrafting.codes().contains(code)).toList();
        Assessment assessment = new Assessment(episodeId, request.date(), request.source(), request.nrs(),
                score == null ? null : episode.getRegion().instrument().name(),
                answers == null ? null : answers.stream().map(a -> a == null ? "" : a.toString()).collect(Collectors.joining(",")),
                score == null ? null : score.percent(), String.join(",", redFlags), request.adherence(),
                request.notes(), now, motor.stream().map(m -> new MotorGrade(m[0], m[1], Integer.parseInt(m[2]))).toList());
        assessment.outcomeAnswers(request.workStatus() == null ? null : WorkStatus.valueOf(request.workStatus()),
                request.painMedication() == null ? null : PainMedication.valueOf(request.painMedication()));
        if (unflagged.isEmpty() && !redFlags.isEmpty()) {
            // Every "yes" raised its flag while the check-in was filled in: the nightly rule dates them from then.
            assessment.redFlagsFirstSavedAt(raisedWhileDrafting.recordedAt());
        }
        care.add(assessment);
        audit.record(AuditAction.CREATE, episode.getPatientId(), "Assessment", assessment.getId(), ("PATIENT".equals(request.source()) ? "check-in by the patient" : "clinic visit") + " of " + request.date());
        decisions.followUpRecorded(episode);

        List<EscalationFlag> raised = new ArrayList<>();
        if (!unflagged.isEmpty()) {
            JsonArrayBuilder yes = JSON.createArrayBuilder();
            JsonArrayBuilder questions = JSON.createArrayBuilder();
            unflagged.forEach(code -> {
                yes.add(code);
                RedFlag.ofCode(code).ifPresent(f -> questions.add(f.question()));
            });
            raised.add(escalation.raise(episode, FlagRule.RED_FLAG, JSON.createObjectBuilder().add("source", "assessment")
                    .add("assessmentId", assessment.getId()).add("recordedBy", assessment.getSource()).add("recordedOn", request.date().toString())
                    .add("redFlags", yes)
                    .add("questions", questions).build()));
        } else if (!redFlags.isEmpty()) {
            // Every "yes" raised its flag while the check-in was filled in: no second flag.
            escalation.findOpen(episodeId, FlagRule.RED_FLAG).ifPresent(raised::add);
        }
        if (!motor.isEmpty()) {
            List<MotorDeclineRule.Grade> grades = care.clinicianGradesOf(episodeId).stream()
                    .map(r -> new MotorDeclineRule.Grade((Long) r[0], (LocalDate) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue()))
                    .toList();
            List<MotorDeclineRule.Finding> findings = new MotorDeclineRule(thresholds.weakMotorGrade()).evaluate(grades, today);
            if (!findings.isEmpty()) {
                JsonObject evidence = org.spinepathway.escalation.control.MotorDecline.evidence(findings, thresholds.weakMotorGrade(), today);
                raised.add(escalation.raise(episode, FlagRule.MOTOR_DECLINE, JSON.createObjectBuilder(evidence)
                        .add("assessmentId", assessment.getId()).build()));
            }
        }
        return new AssessmentResult(assessment, score == null ? null : score.percent(), raised);
    }

    /**
     * Changes the plan's goals and review date, if nobody changed it since the caller read it
     * ({@code expectedVersion}); otherwise says who changed it and when, and changes nothing.
     */
    public TreatmentPlan revisePlan(long episodeId, int expectedVersion, String goals, LocalDate reviewDate) {
        requirePhysio();
        EpisodeOfCare episode = episodes.requireForChange(episodeId);
        TreatmentPlan plan = care.planOf(episodeId).orElseThrow(() -> new NotFoundException("This episode has no treatment plan yet."));
        requireVersion(plan.getVersion(), expectedVersion, plan.getUpdatedBy(), plan.getUpdatedAt());
        List<FieldError> errors = new ArrayList<>();
        if (goals == null || goals.isBlank()) {
            errors.add(new FieldError("goals", "Write the goals of the plan."));
        } else if (goals.length() > 2000) {
            errors.add(new FieldError("goals", "Please keep the goals to 2000 characters or fewer."));
        }
        if (reviewDate == null) {
            errors.add(new FieldError("reviewDate", "Give the date the plan will be reviewed."));
        } else if (reviewDate.isBefore(plan.getStartDate())) {
            errors.add(new FieldError("reviewDate", "The review date cannot be before the start of care (" + plan.getStartDate() + ")."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<String> changes = new ArrayList<>();
        if (!plan.getGoals().equals(goals.strip())) {
            changes.add("goals: \"" + plan.getGoals() + "\" -> \"" + goals.strip() + "\"");
        }
        if (!plan.getReviewDate().equals(reviewDate)) {
            changes.add("review date: " + plan.getReviewDate() + " -> " + reviewDate);
        }
        if (!changes.isEmpty()) {
            plan.revise(goals.strip(), reviewDate);
            care.flush();
            audit.record(AuditAction.UPDATE, episode.getPatientId(), "TreatmentPlan", plan.getId(), String.join("; ", changes));
        }
        return plan;
    }

    /** Stops an intervention with a reason, unless it changed since the caller read it. */
    public Intervention stopIntervention(long episodeId, long interventionId, int expectedVersion, String reason) {
        requirePhysio();
        EpisodeOfCare episode = episodes.requireForChange(episodeId);
        TreatmentPlan plan = care.planOf(episodeId).orElseThrow(() -> new NotFoundException("This episode has no treatment plan yet."));
        Intervention intervention = care.intervention(interventionId).filter(i -> i.getPlanId().equals(plan.getId()))
                .orElseThrow(() -> new NotFoundException("The plan has no such intervention."));
        requireVersion(intervention.getVersion(), expectedVersion, intervention.getUpdatedBy(), intervention.getUpdatedAt());
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("stopReason", "Say why the intervention is stopped.");
        }
        if (reason.length() > 500) {
            throw InvalidInputException.of("stopReason", "Please keep the reason to 500 characters or fewer.");
        }
        if (intervention.getStatus() == InterventionStatus.STOPPED || intervention.getStatus() == InterventionStatus.COMPLETED) {
            throw new ConflictException(null, "This intervention is " + intervention.getStatus().name().toLowerCase() + " already.");
        }
        intervention.stop(reason, LocalDate.now(clock));
        care.flush();
        audit.record(AuditAction.UPDATE, episode.getPatientId(), "Intervention", intervention.getId(),
                ClinicWords.of("intervention", intervention.getType()) + " stopped: " + reason.strip());
        return intervention;
    }

    /** The changes to the plan and its interventions, newest first: who, when, what. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<org.spinepathway.security.entity.AuditEvent> historyOf(TreatmentPlan plan, List<Intervention> interventions) {
        return audit.historyOf(plan.getId(), interventions.stream().map(Intervention::getId).toList());
    }

    /** Clinician-facing: the reader's copy is stale when its version is not the current one. */
    private void requireVersion(int current, int expected, String changedBy, java.time.OffsetDateTime changedAt) {
        if (current != expected) {
            String at = changedAt == null ? "" : " at " + changedAt.atZoneSameInstant(clock.getZone()).toLocalDateTime()
                    .withSecond(0).withNano(0).toString().replace('T', ' ');
            throw new ConflictException("version", "Changed by " + changedBy + at + " since you opened it. Reload to see their change;"
                    + " nothing of yours was saved over it.");
        }
    }

    /**
     * Voids an assessment with a reason: it leaves the chart and the rules but stays in the database,
     * with who voided it, when and why.
     */
    public Assessment voidAssessment(long episodeId, long assessmentId, String reason) {
        requirePhysio();
        EpisodeOfCare episode = episodes.requireForChange(episodeId);
        Assessment assessment = care.assessment(assessmentId).filter(a -> a.getEpisodeId() == episodeId)
                .orElseThrow(() -> new NotFoundException("This episode has no such assessment."));
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "Say why this assessment is voided.");
        }
        if (reason.length() > 500) {
            throw InvalidInputException.of("reason", "Please keep the reason to 500 characters or fewer.");
        }
        if (assessment.isVoided()) {
            throw new ConflictException(null, "This assessment was voided already, on " + assessment.getVoidedAt().toLocalDate()
                    + " by " + assessment.getVoidedBy() + ".");
        }
        assessment.voidRecord(acting.name(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), reason);
        audit.record(AuditAction.VOID, episode.getPatientId(), "Assessment", assessment.getId(), reason.strip());
        return assessment;
    }

    /** Pages under /physio are open to physicians for reading; changing the plan is the physiotherapist's. */
    private void requirePhysio() {
        if (!securityContext.isCallerInRole(Role.PHYSIO_NAME)) {
            throw new NotAllowedException("Only the physiotherapist changes the treatment plan and the visits.");
        }
    }

    /** What recording an assessment produced. */
    public record AssessmentResult(Assessment assessment, BigDecimal disabilityScore, List<EscalationFlag> flags) {
    }

    /** The episode with its plan and assessments, if the caller may see it; reading it is audited. */
    public EpisodeChart chart(long episodeId) {
        EpisodeOfCare episode = episodes.require(episodeId);
        audit.record(AuditAction.READ, episode.getPatientId(), "EpisodeOfCare", episode.getId(), null);
        TreatmentPlan plan = care.planOf(episodeId).orElse(null);
        return new EpisodeChart(episode, plan, plan == null ? List.of() : care.interventionsOf(plan.getId()), care.assessmentsOf(episodeId));
    }

    public record EpisodeChart(EpisodeOfCare episode, TreatmentPlan plan, List<Intervention> interventions, List<Assessment> assessments) {
    }

    private static Intervention intervention(long planId, CareRequests.Intervention r) {
        JsonObject details = r.details() == null ? JsonValue.EMPTY_JSON_OBJECT : r.details();
        return new Intervention(planId, InterventionType.valueOf(r.type()), details.toString(), r.startDate(), r.endDate(),
                InterventionStatus.valueOf(r.status()), r.stopReason() == null ? null : r.stopReason().strip(),
                r.type().equals("INJECTION") ? CareCheck.date(details, "givenOn") : null);
    }
}
