package org.spinepathway.escalation.boundary;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.spinepathway.escalation.entity.EvaluationRun;
import org.spinepathway.security.entity.Role;

/** {@code POST /api/v1/escalation/evaluations}: an administrator runs the rules now, as of a date (default today). */
@Path("escalation/evaluations")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    @Inject
    EscalationEvaluator evaluator;

    @Inject
    Clock clock;

    public record EvaluationRequest(LocalDate asOf) {
    }

    public record EvaluationResult(long runId, LocalDate asOf, int evaluated, int raised, int failures, String outcome) {
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    public EvaluationResult evaluate(EvaluationRequest request) {
        LocalDate asOf = request == null || request.asOf() == null ? LocalDate.now(clock) : request.asOf();
        EvaluationRun run = evaluator.evaluate(asOf, "API");
        return new EvaluationResult(run.getId(), run.getAsOf(), run.getEpisodesEvaluated(), run.getFlagsRaised(), run.getFailures(), run.getOutcome());
    }
}
