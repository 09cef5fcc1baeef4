package org.spinepathway.care.boundary;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.spinepathway.care.entity.Assessment;
import org.spinepathway.care.entity.EmergencyAccess;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.Intervention;
import org.spinepathway.care.entity.TreatmentPlan;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.security.entity.Role;

/**
 * {@code /api/v1/episodes/{id}}: the episode with its plan and assessments; the plan, its
 * interventions and the assessments are added here.
 */
@Path("episodes/{episodeId}")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EpisodeCareResource {

    @Inject
    CareService care;

    @Inject
    EpisodeService episodes;

    @GET
    @RolesAllowed({Role.PHYSIO_NAME, Role.PHYSICIAN_NAME, Role.PATIENT_NAME})
    public EpisodeView read(@PathParam("episodeId") long episodeId) {
        return EpisodeView.of(care.chart(episodeId));
    }

    @POST
    @Path("plan")
    @RolesAllowed(Role.PHYSIO_NAME)
    public Response createPlan(@PathParam("episodeId") long episodeId, CareRequests.Plan plan) {
        if (plan == null) {
            throw InvalidInputException.of(null, "Send the plan as a JSON object.");
        }
        TreatmentPlan created = care.createPlan(episodeId, plan);
        return Response.created(URI.create("episodes/" + episodeId)).entity(new Created(created.getId())).build();
    }

    @POST
    @Path("interventions")
    @RolesAllowed(Role.PHYSIO_NAME)
    public Response addIntervention(@PathParam("episodeId") long episodeId, CareRequests.Intervention intervention) {
        if (intervention == null) {
            throw InvalidInputException.of(null, "Send the intervention as a JSON object.");
        }
        return Response.created(URI.create("episodes/" + episodeId)).entity(new Created(care.addIntervention(episodeId, intervention).getId())).build();
    }

    @POST
    @Path("assessments")
    @RolesAllowed({Role.PHYSIO_NAME, Role.PATIENT_NAME})
    public Response recordAssessment(@PathParam("episodeId") long episodeId, CareRequests.Assessment assessment) {
        if (assessment == null) {
            throw InvalidInputException.of(null, "Send the assessment as a JSON object.");
        }
        CareService.AssessmentResult result = care.recordAssessment(episodeId, assessment);
        return Response.created(URI.create("episodes/" + episodeId)).entity(new Recorded(result.assessment().getId(),
                result.disabilityScore(), result.flags().stream().map(FlagView::of).toList())).build();
    }

    @POST
    @Path("assessments/{assessmentId}/void")
    @RolesAllowed(Role.PHYSIO_NAME)
    public Voided voidAssessment(@PathParam("episodeId") long episodeId, @PathParam("assessmentId") long assessmentId, VoidRequest request) {
        Assessment voided = care.voidAssessment(episodeId, assessmentId, request == null ? null : request.reason());
        return new Voided(voided.getId(), voided.getVoidedAt().toLocalDate(), voided.getVoidedBy(), voided.getVoidReason());
    }

    public record VoidRequest(String reason) {
    }

    /**
     * {@code POST /api/v1/episodes/{id}/emergency-access}: a physiotherapist outside the episode's care
     * team opens emergency access ("break-glass") with a reason, to change it for a few hours.
     */
    @POST
    @Path("emergency-access")
    @RolesAllowed(Role.PHYSIO_NAME)
    public Response openEmergencyAccess(@PathParam("episodeId") long episodeId, EmergencyAccessRequest request) {
        EmergencyAccess access = episodes.openEmergencyAccess(episodeId, request == null ? null : request.reason());
        return Response.created(URI.create("episodes/" + episodeId))
                .entity(new EmergencyAccessOpened(access.getId(), access.getExpiresAt())).build();
    }

    public record EmergencyAccessRequest(String reason) {
    }

    public record EmergencyAccessOpened(long id, OffsetDateTime expiresAt) {
    }

    public record Voided(long id, LocalDate voidedOn, String voidedBy, String reason) {
    }

    public record Created(long id) {
    }

    public record Recorded(long id, BigDecimal disabilityScore, List<FlagView> flags) {
    }

    public record FlagView(long id, String rule, String priority, String status) {
        static FlagView of(EscalationFlag f) {
            return new FlagView(f.getId(), f.getRule().name(), f.getPriority().name(), f.getStatus().name());
        }
    }

    public record EpisodeView(long id, long patientId, String region, String side, String state, LocalDate openedOn,
                              Long physioId, Long physicianId, BaselineView baseline, PlanView plan, List<AssessmentView> assessments) {
        static EpisodeView of(CareService.EpisodeChart chart) {
            EpisodeOfCare e = chart.episode();
            return new EpisodeView(e.getId(), e.getPatientId(), e.getRegion().name(), e.getSide().name(), e.getState().name(), e.getOpenedOn(),
                    e.getPhysioId(), e.getPhysicianId(), new BaselineView(e.getBaselineNrs(), e.getBaselineInstrument(), e.getBaselineDisability()),
                    chart.plan() == null ? null : PlanView.of(chart.plan(), chart.interventions()),
                    chart.assessments().stream().map(AssessmentView::of).toList());
        }
    }

    /** The submitted intake's measures, frozen when the episode was opened for care (null before). */
    public record BaselineView(Integer nrs, String disabilityInstrument, BigDecimal disabilityScore) {
    }

    public record PlanView(long id, String goals, LocalDate startDate, LocalDate reviewDate, List<InterventionView> interventions) {
        static PlanView of(TreatmentPlan p, List<Intervention> interventions) {
            return new PlanView(p.getId(), p.getGoals(), p.getStartDate(), p.getReviewDate(), interventions.stream().map(InterventionView::of).toList());
        }
    }

    public record InterventionView(long id, String type, String status, LocalDate startDate, LocalDate endDate, String stopReason, JsonObject details) {
        static InterventionView of(Intervention i) {
            try (JsonReader reader = JSON.createReader(new StringReader(i.getDetails()))) {
                return new InterventionView(i.getId(), i.getType().name(), i.getStatus().name(), i.getStartDate(), i.getEndDate(),
                        i.getStopReason(), reader.readObject());
            }
        }
    }

    public record MotorView(String myotome, String side, int grade) {
    }

    public record AssessmentView(long id, LocalDate date, String source, Integer nrs, String disabilityInstrument, BigDecimal disabilityScore,
                                 List<MotorView> motor, List<String> redFlags, String adherence, String notes,
                                 String workStatus, String painMedication) {
        static AssessmentView of(Assessment a) {
            return new AssessmentView(a.getId(), a.getAssessedOn(), a.getSource(), a.getNrs(), a.getDisabilityInstrument(), a.getDisabilityScore(),
                    a.getMotor().stream().map(m -> new MotorView(m.getMyotome(), m.getSide(), m.getGrade())).toList(),
                    a.getRedFlags().isEmpty() ? List.of() : Arrays.asList(a.getRedFlags().split(",")), a.getAdherence(), a.getNotes(),
                    a.getWorkStatus() == null ? null : a.getWorkStatus().name(), a.getPainMedication() == null ? null : a.getPainMedication().name());
        }
    }
}
