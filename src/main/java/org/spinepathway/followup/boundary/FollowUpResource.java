package org.spinepathway.followup.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.spinepathway.security.entity.Role;

/**
 * {@code /api/v1/follow-up}: an administrator sends the invitations and reminders due as of a date
 * (default today); staff read the completion per time point.
 */
@Path("follow-up")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    @Inject
    FollowUpInvitations invitations;

    @Inject
    FollowUpCompletion completion;

    @Inject
    Clock clock;

    public record InvitationRequest(LocalDate asOf) {
    }

    public record InvitationResult(int invited, int reminded) {
    }

    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public InvitationResult send(InvitationRequest request) {
        LocalDate asOf = request == null || request.asOf() == null ? LocalDate.now(clock) : request.asOf();
        FollowUpInvitations.Result result = invitations.run(asOf);
        return new InvitationResult(result.invited(), result.reminded());
    }

    @GET
    @Path("completion")
    @RolesAllowed({Role.PHYSIO_NAME, Role.PHYSICIAN_NAME, Role.ADMIN_NAME})
    public List<FollowUpCompletion.Row> completion(@QueryParam("from") String from, @QueryParam("to") String to) {
        return completion.clinic(completion.range(from, to));
    }
}
