package org.spinepathway.care.boundary;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.EpisodeState;
import org.spinepathway.care.entity.Side;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.security.entity.Role;

/** {@code POST /api/v1/patients/{patientId}/episodes}: staff open an episode of care. */
@Path("patients/{patientId}/episodes")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EpisodeResource {

    @Inject
    EpisodeService episodes;

    @POST
    @RolesAllowed({Role.PHYSIO_NAME, Role.PHYSICIAN_NAME, Role.ADMIN_NAME})
    public Response open(@PathParam("patientId") long patientId, NewEpisode input) {
        if (input == null) {
            throw InvalidInputException.of(null, "Send the episode as a JSON object.");
        }
        List<FieldError> errors = new ArrayList<>();
        SpineRegion region = parse(SpineRegion.class, input.region(), "region", "Choose LUMBAR, CERVICAL or THORACIC.", errors);
        Side side = parse(Side.class, input.side(), "side", "Choose LEFT, RIGHT or BOTH.", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        EpisodeOfCare episode = episodes.open(patientId, region, side);
        return Response.created(URI.create("episodes/" + episode.getId())).entity(new Created(episode.getId(), episode.getState())).build();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(new FieldError(field, message));
            return null;
        }
    }

    public record NewEpisode(String region, String side) {
    }

    public record Created(long id, EpisodeState state) {
    }
}
