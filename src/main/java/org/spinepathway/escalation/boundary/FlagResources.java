package org.spinepathway.escalation.boundary;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.io.StringReader;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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

import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagAcknowledgement;
import org.spinepathway.escalation.entity.Referral;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.security.entity.Role;

/** The flag calls of the JSON API. */
public final class FlagResources {

    private FlagResources() {
    }

    /** A flag as the API shows it. */
    public record FlagView(long id, long episodeId, String rule, String priority, String status, LocalDate raisedOn, String ruleVersion,
                           JsonObject evidence, String reason, String decidedBy, OffsetDateTime decidedAt, String decisionReason,
                           LocalDate recheckOn) {
        static FlagView of(EscalationFlag f) {
            try (JsonReader reader = JSON.createReader(new StringReader(f.getEvidence()))) {
                return new FlagView(f.getId(), f.getEpisodeId(), f.getRule().name(), f.getPriority().name(), f.getStatus().name(),
                        f.getRaisedOn(), f.getRuleVersion(), reader.readObject(),
                        org.spinepathway.escalation.control.FlagExplanation.sentence(f.getRule(), f.getEvidence()),
                        f.getDecidedBy(), f.getDecidedAt(), f.getDecisionReason(), f.getRecheckOn());
            }
        }
    }

    /** {@code GET /api/v1/episodes/{id}/flags}: every flag of the episode, newest first. */
    @Path("episodes/{episodeId}/flags")
    @RequestScoped
    @Produces(MediaType.APPLICATION_JSON)
    public static class EpisodeFlags {

        @Inject
        FlagDecisions decisions;

        @GET
        @RolesAllowed({Role.PHYSIO_NAME, Role.PHYSICIAN_NAME})
        public List<FlagView> flags(@PathParam("episodeId") long episodeId) {
            return decisions.ofEpisode(episodeId).stream().map(FlagView::of).toList();
        }
    }

    /** {@code POST /api/v1/flags/{id}/decision} and the referral letter of a referred flag. */
    @Path("flags/{flagId}")
    @RequestScoped
    @Produces(MediaType.APPLICATION_JSON)
    public static class Decisions {

        @Inject
        FlagDecisions decisions;

        /** {@code referTo}: the receiving service a referral letter is addressed to; optional. */
        public record DecisionRequest(String decision, String reason, LocalDate recheckOn, String referTo) {
        }

        public record AcknowledgementRequest(OffsetDateTime contactedAt, String method, String note) {
        }

        public record Created(long id) {
        }

        @Inject
        UrgentContacts contacts;

        @POST
        @Path("decision")
        @Consumes(MediaType.APPLICATION_JSON)
        @RolesAllowed(Role.PHYSICIAN_NAME)
        public FlagView decide(@PathParam("flagId") long flagId, DecisionRequest request) {
            if (request == null) {
                throw InvalidInputException.of(null, "Send the decision as a JSON object.");
            }
            return FlagView.of(decisions.decide(flagId, request.decision(), request.reason(), request.recheckOn(), request.referTo()));
        }

        /** {@code POST /api/v1/flags/{id}/acknowledgements}: an attempt of the care team to reach the patient. */
        @POST
        @Path("acknowledgements")
        @Consumes(MediaType.APPLICATION_JSON)
        @RolesAllowed({Role.PHYSIO_NAME, Role.PHYSICIAN_NAME})
        public Response acknowledge(@PathParam("flagId") long flagId, AcknowledgementRequest request) {
            if (request == null) {
                throw InvalidInputException.of(null, "Send the contact as a JSON object.");
            }
            FlagAcknowledgement attempt = contacts.acknowledge(flagId, request.contactedAt(), request.method(), request.note());
            return Response.created(URI.create("flags/" + flagId + "/acknowledgements/" + attempt.getId()))
                    .entity(new Created(attempt.getId())).build();
        }

        @GET
        @Path("referral-letter")
        @Produces("application/pdf")
        @RolesAllowed({Role.PHYSIO_NAME, Role.PHYSICIAN_NAME})
        public Response letter(@PathParam("flagId") long flagId) {
            Referral referral = decisions.referralOf(flagId);
            return Response.ok(referral.getLetterPdf(), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"referral-" + referral.getId() + ".pdf\"").build();
        }
    }
}
