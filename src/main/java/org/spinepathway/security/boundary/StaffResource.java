package org.spinepathway.security.boundary;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/** {@code POST /api/v1/staff}: an administrator creates a staff account. */
@Path("staff")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    AccountService accounts;

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(NewStaffAccount input) {
        if (input == null) {
            throw InvalidInputException.of(null, "Send the account as a JSON object.");
        }
        UserAccount account = accounts.createStaff(input);
        return Response.created(URI.create("staff/" + account.getId())).entity(new Created(account.getId())).build();
    }

    public record Created(long id) {
    }
}
